import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../principal';
import { CSRF_COOKIE, SESSION_COOKIE, serializeCookie } from '../sessions/cookies';
import { csrfTokenOf } from '../sessions/session-token';
import { SignIn } from '../sessions/sign-in';
import { CurrentPrincipal, Public } from './auth.decorators';
import type { AuthenticatedRequest } from './auth.guard';
import { SESSION_SETTINGS, type SessionSettings } from './session-settings';
import { SignedInUserDto, SignInDto } from './sign-in.dto';

const signedInUser = (principal: Principal): SignedInUserDto => ({
  id: principal.sub,
  ...(principal.name !== undefined ? { name: principal.name } : {}),
  role: principal.role,
  ...(principal.unit !== undefined ? { unit: principal.unit } : {}),
});

/** Printable in a log line whatever a caller sent as a name: quoted, short, no control characters. */
const loggable = (name: string): string => JSON.stringify(name.slice(0, 64));

@ApiTags('auth')
@Controller()
export class SessionController {
  private readonly logger = new Logger('SignIn');

  constructor(
    private readonly signIn: SignIn,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  /** Signs in with a password; sets the session cookie (dl_session) and the CSRF cookie (dl_csrf). */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body() body: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedInUserDto> {
    const outcome = await this.signIn.signIn(body.username, body.password, request.ip);
    if (!outcome.ok && outcome.reason === 'throttled') {
      const seconds = Math.ceil(outcome.retryAfterMs / 1000);
      this.logger.warn(`sign-in throttled for ${loggable(body.username)} from ${request.ip}`);
      void reply.header('retry-after', String(seconds));
      throw new HttpException(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: `登录失败次数过多，请${seconds}秒后再试`,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    if (!outcome.ok) {
      this.logger.warn(`sign-in failed for ${loggable(body.username)} from ${request.ip}`);
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        message: '用户名或密码错误',
      });
    }
    const maxAge = this.settings.ttlMs / 1000;
    const secure = this.settings.secureCookies || request.protocol === 'https';
    void reply.header('set-cookie', [
      serializeCookie(SESSION_COOKIE, outcome.token, { maxAge, httpOnly: true, secure }),
      serializeCookie(CSRF_COOKIE, csrfTokenOf(outcome.token), { maxAge, httpOnly: false, secure }),
    ]);
    this.logger.log(`signed in: ${loggable(outcome.principal.sub)} from ${request.ip}`);
    return signedInUser(outcome.principal);
  }

  /** Ends the session for good (on every replica) and clears the cookies. */
  @ApiCookieAuth()
  @Post('auth/logout')
  @HttpCode(204)
  async logout(
    @Req() request: FastifyRequest & AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (request.sessionId) await this.signIn.signOut(request.sessionId);
    const secure = this.settings.secureCookies || request.protocol === 'https';
    void reply.header('set-cookie', [
      serializeCookie(SESSION_COOKIE, '', { maxAge: 0, httpOnly: true, secure }),
      serializeCookie(CSRF_COOKIE, '', { maxAge: 0, httpOnly: false, secure }),
    ]);
  }

  /** Who is signed in (session cookie) or calling (bearer token). */
  @ApiCookieAuth()
  @Get('me')
  me(@CurrentPrincipal() principal: Principal): SignedInUserDto {
    return signedInUser(principal);
  }
}
