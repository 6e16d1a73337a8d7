import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api';
import type { Me } from './types';

interface SessionContext {
  /** undefined while asking the API who is signed in; null when nobody is. */
  readonly me: Me | null | undefined;
  readonly login: (username: string, password: string) => Promise<Me>;
  readonly logout: () => Promise<void>;
}

const Context = createContext<SessionContext | undefined>(undefined);

/** Who is signed in, as the API's session cookie says (GET /me); sign-in and sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    // 401 (or no answer at all) means: show the sign-in page.
    api<Me>('GET', '/me')
      .then(setMe)
      .catch(() => setMe(null));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const who = await api<Me>('POST', '/auth/login', { username, password });
    setMe(who);
    return who;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api<void>('POST', '/auth/logout');
    } finally {
      setMe(null);
    }
  }, []);

  return <Context.Provider value={{ me, login, logout }}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
