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
import { CSRF_HEADER, parseCookies, SESSION_COOKIE } from '../sessions/cookies';
import { csrfTokenOf, sameToken } from '../sessions/session-token';
import { SignIn } from '../sessions/sign-in';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';

export const JWT_SECRET = Symbol('JWT_SECRET');

const READ_METHODS = new Set(['GET', 'HEAD']);

/** The request as the guard and the session routes see it. */
export interface AuthenticatedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
  /** Set when the caller came with a session cookie rather than a bearer token. */
  sessionId?: string;
}

/**
 * Applied to every route. A caller proves who it is with a bearer token (API clients, dashboards)
 * or a session cookie (the web app); a change sent with the cookie must also carry the session's
 * CSRF token. Reads need any role; writes need a role other than viewer unless the route names
 * its roles. Anonymous calls get 401.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JWT_SECRET) private readonly secret: string,
    private readonly signIn: SignIn,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = request.headers.authorization
      ? this.bearer(request.headers.authorization)
      : await this.session(request);
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

  private bearer(header: string | string[]): Principal {
    const match = /^Bearer\s+(\S+)$/i.exec(String(header));
    if (!match)
      throw new UnauthorizedException('Missing bearer token (Authorization: Bearer <jwt>)');
    try {
      return verifyToken(this.secret, match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
      throw error;
    }
  }

  private async session(request: AuthenticatedRequest): Promise<Principal> {
    const token = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
    if (!token)
      throw new UnauthorizedException('请先登录 (sign in, or send Authorization: Bearer <jwt>)');
    const session = await this.signIn.resolve(token);
    if (!session) throw new UnauthorizedException('登录已失效，请重新登录 (the session has ended)');
    if (!READ_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, csrfTokenOf(token)))
        throw new ForbiddenException(
          `缺少或错误的 CSRF 令牌 (send the dl_csrf cookie's value as ${CSRF_HEADER})`,
        );
    }
    request.sessionId = session.sessionId;
    return session.principal;
  }
}
