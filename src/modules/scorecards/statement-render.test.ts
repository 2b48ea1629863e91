import { describe, expect, it } from 'vitest';
import type { StatementData } from './scorecards.service';
import { currencyExponent, formatMoney, majorUnits, renderStatementCsv, statementFilename } from './statement-render';

const data = (over: Partial<StatementData> = {}): StatementData => ({
  contractId: 'k',
  contractName: 'Managed services',
  organisation: 'Northwind IT',
  clientName: 'Acme & Co',
  periodKey: '2026-10',
  revision: 1,
  status: 'final',
  statement: {
    periodKey: '2026-10',
    periodFrom: '2026-09-30T23:00:00.000Z',
    periodTo: '2026-10-31T23:00:00.000Z',
    currency: 'EUR',
    lines: [
      { kind: 'plan_fee', description: 'Plan fee: Gold', quantity: 1, unitPriceMinor: 600_000, amountMinor: 600_000, note: 'whole month' },
      { kind: 'service_credit', description: '=cmd|"/c calc"!A1', amountMinor: -40_005, note: '-capped, see "terms"', goalId: 'g' },
      { kind: 'after_hours', description: 'After-hours work', quantity: 1.5, unitPriceMinor: 13_500, amountMinor: 20_250 },
    ],
    subtotalMinor: 580_245,
    warnings: [],
  },
  ...over,
});

describe('statement money', () => {
  it.each([
    [0, 'EUR', '0.00'],
    [5, 'EUR', '0.05'],
    [-40_005, 'EUR', '-400.05'],
    [123_456_789, 'EUR', '1234567.89'],
    [-1500, 'JPY', '-1500'],
    [1234, 'KWD', '1.234'],
  ])('%d %s is %s', (minor, currency, text) => {
    expect(majorUnits(minor, currency)).toBe(text);
  });

  it('knows the digits of a currency and formats for people', () => {
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(formatMoney(-40_000, 'EUR')).toBe('-€400.00');
    expect(formatMoney(578_500, 'GBP')).toBe('£5,785.00');
  });
});

describe('statement CSV', () => {
  it('writes the lines in major units with the currency in the header, guarding text cells against formulas', () => {
    const rows = renderStatementCsv(data()).split('\r\n');
    expect(rows[0]).toBe('kind,description,quantity,unit_price (EUR),amount (EUR),note');
    expect(rows[1]).toBe('plan_fee,Plan fee: Gold,1,6000.00,6000.00,whole month');
    // The text starting with = gets an apostrophe; the amount stays a negative number.
    expect(rows[2]).toBe(`service_credit,"'=cmd|""/c calc""!A1",,,-400.05,"'-capped, see ""terms"""`);
    expect(rows[3]).toBe('after_hours,After-hours work,1.50,135.00,202.50,');
    expect(rows[4]).toBe('subtotal,Subtotal,,,5802.45,taxes are left to the accounting system');
    expect(rows[5]).toBe('');
  });

  it('marks a draft in its last row and its file name', () => {
    const d = data({ status: 'draft', revision: 2 });
    expect(renderStatementCsv(d).trimEnd().split('\r\n').at(-1)).toMatch(/^draft,Draft \(revision 2\)/);
    expect(statementFilename(d, 'csv')).toBe('statement-acme-co-2026-10-draft.csv');
    expect(statementFilename(data(), 'pdf')).toBe('statement-acme-co-2026-10.pdf');
  });
});
