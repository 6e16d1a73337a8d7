import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ENGLISH } from './english';

/**
 * Chinese is the app's language; the Chinese text is itself the key, and English replaces it
 * when the user switches (english.ts). A string without an English entry stays Chinese.
 */
export type Lang = 'zh' | 'en';

interface LangContext {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  /** Translates, then fills {name} placeholders. */
  readonly t: (zh: string, values?: Record<string, string | number>) => string;
}

const Context = createContext<LangContext | undefined>(undefined);
const STORAGE_KEY = 'dl_lang';

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh',
  );
  const value = useMemo<LangContext>(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    return {
      lang,
      setLang: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        setLangState(next);
      },
      t: (zh, values) => {
        const text = lang === 'en' ? (ENGLISH[zh] ?? zh) : zh;
        return values
          ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''))
          : text;
      },
    };
  }, [lang]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useLang(): LangContext {
  const context = useContext(Context);
  if (!context) throw new Error('useLang outside LangProvider');
  return context;
}
