export const ENGLISH: Record<string, string> = {};
