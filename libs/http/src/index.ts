export * from './validation';
export * from './problem.filter';
export * from './read-cache';
export * from './problems/messages';
export * from './problems/problem';
export { preferredLanguage } from './problems/language';
export { describeConventions } from './openapi-conventions';
