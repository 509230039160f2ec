import { FORMAT_CODE } from './plan/formats';
import { formatNumber } from './numberFormat';

describe('formatNumber: the formats the add-in writes', () => {
  it('shows a share under 0.0% as a percent with one decimal, as 统计汇总 writes it', () => {
    expect(formatNumber(0.020833333333333332, FORMAT_CODE.percent)).toBe('2.1%');
    expect(formatNumber(1, FORMAT_CODE.percent)).toBe('100.0%');
    expect(formatNumber(0, FORMAT_CODE.percent)).toBe('0.0%');
    expect(formatNumber(0.5, '0%')).toBe('50%');
    expect(formatNumber(0.12345, '0.00%')).toBe('12.35%');
  });

  it('shows integers and decimals with the places the code asks for', () => {
    expect(formatNumber(12.6, FORMAT_CODE.integer)).toBe('13');
    expect(formatNumber(3, FORMAT_CODE.decimal)).toBe('3.00');
    expect(formatNumber(2.345, FORMAT_CODE.decimal)).toBe('2.35');
    expect(formatNumber(41234.5, FORMAT_CODE.general)).toBe('41234.5');
    expect(formatNumber(42, FORMAT_CODE.text)).toBe('42');
  });

  it('rounds from the decimal digits shown, as Excel does (1.005 → 1.01, not the binary 1.00)', () => {
    expect(formatNumber(1.005, '0.00')).toBe('1.01');
    expect(formatNumber(0.125, '0.0%')).toBe('12.5%');
    expect(formatNumber(2.5, '0')).toBe('3');
  });
});

describe('formatNumber: common built-ins', () => {
  it('groups thousands', () => {
    expect(formatNumber(1234567.891, '#,##0')).toBe('1,234,568');
    expect(formatNumber(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatNumber(999, '#,##0')).toBe('999');
    expect(formatNumber(1234567, '#,##0,')).toBe('1,235'); // a trailing comma scales by a thousand
  });

  it('keeps the minus of a one-section code, and uses the negative section when there is one', () => {
    expect(formatNumber(-1234.5, '#,##0.00')).toBe('-1,234.50');
    expect(formatNumber(-1234, '#,##0_);(#,##0)')).toBe('(1,234)');
    expect(formatNumber(1234, '#,##0_);(#,##0)')).toBe('1,234 ');
    expect(formatNumber(-5, '0;[Red]-0')).toBe('-5');
    expect(formatNumber(0, '0.00;-0.00;"—"')).toBe('—');
    expect(formatNumber(-0.001, '0.0')).toBe('0.0');
  });

  it('keeps literal text, currency symbols and locale tags', () => {
    expect(formatNumber(1234.5, '"¥"#,##0.00')).toBe('¥1,234.50');
    expect(formatNumber(1234.5, '¥#,##0.00')).toBe('¥1,234.50');
    expect(formatNumber(8, '[$¥-804]#,##0.00')).toBe('¥8.00');
    expect(formatNumber(12, '0"人"')).toBe('12人');
    expect(formatNumber(12, '0\\元')).toBe('12元');
    expect(formatNumber(3, '"共"General"项"')).toBe('共3项');
  });

  it('shows optional digits (#, ?) as Excel does', () => {
    expect(formatNumber(0.5, '#.##')).toBe('.5');
    expect(formatNumber(1.5, '0.0#')).toBe('1.5');
    expect(formatNumber(1.567, '0.0#')).toBe('1.57');
    expect(formatNumber(1.5, '0.0?')).toBe('1.5 ');
    expect(formatNumber(7, '000')).toBe('007');
  });

  it('shows scientific notation with the exponent padded', () => {
    expect(formatNumber(123456, '0.00E+00')).toBe('1.23E+05');
    expect(formatNumber(0.000123, '0.0E+00')).toBe('1.2E-04');
  });

  it('gives up (null) on what it does not model, so the plain number shows', () => {
    expect(formatNumber(41234, 'yyyy-mm-dd')).toBeNull();
    expect(formatNumber(0.5, 'h:mm')).toBeNull();
    expect(formatNumber(150, '[>100]0;0.0')).toBeNull();
    expect(formatNumber(0.25, '# ?/?')).toBeNull();
    expect(formatNumber(13812345678, '000-0000-0000')).toBeNull();
    expect(formatNumber(Number.NaN, '0')).toBeNull();
  });
});
