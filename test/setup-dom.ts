import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());
// Two test files run at once on two cores, beside other work: give rendering time before a wait gives up.
configure({ asyncUtilTimeout: 5000 });
