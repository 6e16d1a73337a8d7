export * from './principal';
export * from './tokens';
export * from './jwt-secret';
export * from './nest/auth.decorators';
export * from './nest/auth.guard';
