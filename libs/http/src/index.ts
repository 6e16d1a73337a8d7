export * from './validation';
export * from './problem.filter';
export * from './read-cache';
