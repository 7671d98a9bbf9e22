// The shape both languages share: fr.ts is the reference, every leaf a string (an ICU message).
import type { fr } from './fr';

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export type Messages = DeepStrings<typeof fr>;
