/**
 * Switches and counters the jsdom tests share (test/setup-dom.ts wires them
 * into the mocked modules): how often the project list rendered, and faults
 * that make one region throw while it renders, as a bug or a damaged record would.
 */
export const probes = {
  listRenders: 0,
  fault: { panel: false, dialog: false, legend: false },
};

export function resetProbes(): void {
  probes.listRenders = 0;
  Object.assign(probes.fault, { panel: false, dialog: false, legend: false });
}
