/** Full-width digits and decimal point to ASCII, one character for one, so offsets stay valid. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[０-９．]/g, (ch) =>
    ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30),
  );
}

/**
 * The number written as `digits` (ASCII, optional thousands commas and decimal point) times
 * 10^exponent, computed on the decimal string so 1.2万 is exactly 12000.
 */
export function scaleDecimal(digits: string, exponent: number): number {
  const plain = digits.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(plain)) throw new Error(`not a decimal number: ${digits}`);
  const [int, frac = ''] = plain.split('.');
  const shifted = frac.length <= exponent ? 0 : frac.length - exponent;
  const allDigits = int + frac.padEnd(exponent, '0');
  const cut = allDigits.length - shifted;
  const text = shifted === 0 ? allDigits : `${allDigits.slice(0, cut)}.${allDigits.slice(cut)}`;
  return Number(text);
}
