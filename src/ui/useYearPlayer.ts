import { useEffect, useState } from 'react';
import { AS_OF_YEARS, nextYear } from '../analysis/years.ts';
import { useAppStore } from '../state/store.ts';

/** How long each year stays on screen while playing. */
export const PLAY_STEP_MS = 1500;

/**
 * The play button of 在建年份: from the first year (or the year shown, if it
 * is not the last) to the last, one year every PLAY_STEP_MS, then it stops.
 * Moving the slider or clearing the year stops it too.
 */
export function useYearPlayer(): { playing: boolean; play: () => void; stop: () => void } {
  const [playing, setPlaying] = useState(false);
  const asOf = useAppStore((s) => s.filters.asOf);
  const setFilters = useAppStore((s) => s.setFilters);

  useEffect(() => {
    if (!playing) return;
    if (asOf === null) {
      setPlaying(false);
      return;
    }
    const t = setTimeout(() => {
      const next = nextYear(asOf);
      if (next === null) setPlaying(false);
      else setFilters({ asOf: next });
    }, PLAY_STEP_MS);
    return () => clearTimeout(t);
  }, [playing, asOf, setFilters]);

  return {
    playing,
    play: () => {
      if (asOf === null || asOf >= AS_OF_YEARS.last || asOf < AS_OF_YEARS.first) setFilters({ asOf: AS_OF_YEARS.first });
      setPlaying(true);
    },
    stop: () => setPlaying(false),
  };
}
