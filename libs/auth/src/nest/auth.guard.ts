import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InvalidTokenError, verifyToken } from '../tokens';
import type { Principal, Role } from '../principal';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';

export const JWT_SECRET = Symbol('JWT_SECRET');

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Applied to every route. Reads need any valid token (viewer and above); writes need a role
 * other than viewer unless the route names its roles. Anonymous calls get 401.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SECRET) private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<{
      method: string;
      headers: Record<string, string | undefined>;
      principal?: Principal;
    }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match)
      throw new UnauthorizedException('Missing bearer token (Authorization: Bearer <jwt>)');
    let principal: Principal;
    try {
      principal = verifyToken(this.secret, match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
      throw error;
    }
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles) {
      if (!roles.includes(principal.role))
        throw new ForbiddenException(`This needs one of the roles: ${roles.join(', ')}`);
      return true;
    }
    if (!READ_METHODS.has(request.method) && principal.role === 'viewer') {
      throw new ForbiddenException('A viewer may read but not change anything');
    }
    return true;
  }
}
