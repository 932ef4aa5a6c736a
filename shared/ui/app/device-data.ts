import { createContext } from 'preact';
import type { FixAnswer, FixMarks } from '../article/fix-marks';

/** What the user keeps on this device, shared by every view that shows or changes it. */
export interface DeviceData {
  saved: readonly string[];
  toggleSaved(id: string): void;
  marks: FixMarks;
  /** Answering the same again clears it. */
  mark(article: string, part: string, answer: FixAnswer): void;
}

export const DeviceDataContext = createContext<DeviceData>({
  saved: [],
  toggleSaved: () => {},
  marks: {},
  mark: () => {},
});
