export * from './validation';
export * from './problem.filter';
