import { describe, expect, it } from 'vitest';
import { parseCatalogCsv, parseCsvRecords, renderCatalogCsv, type CatalogCsvItem } from './catalog-csv';
import { defaultPriorityMatrix } from './priority-matrix';
import { starterCatalog } from './starter-catalog';

const m = defaultPriorityMatrix();
const opts = { planNames: ['Silver', 'Gold'], urgencies: m.urgencies.map((u) => u.key), impacts: m.impacts.map((i) => i.key) };
const HEADER = 'category,name,description,default_urgency,default_impact,delivery_mode,complexity,expected_effort_minutes,Silver response,Silver resolution,Gold response,Gold resolution';

describe('catalog CSV', () => {
  it('reads RFC 4180 quoting: commas, doubled quotes, line breaks, CRLF, a BOM', () => {
    expect(parseCsvRecords('\ufeffa,"b,c","say ""hi""","two\r\nlines"\r\nx,y,z,w\r\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\r\nlines'],
      ['x', 'y', 'z', 'w'],
    ]);
    expect(parseCsvRecords('a,"open')).toMatchObject({ error: /never closed/ });
  });

  it('round-trips items with awkward text and turnarounds', () => {
    const items: CatalogCsvItem[] = [
      {
        category: 'account',
        name: 'Password reset',
        description: 'Forgotten, "expired", or locked,\nall the same',
        defaultUrgency: 'high',
        defaultImpact: 'individual',
        deliveryMode: 'remote',
        complexity: 'low',
        expectedEffortMinutes: 10,
        turnarounds: { Gold: { response: { unit: 'minutes', minutes: 15 }, resolution: { unit: 'minutes', minutes: 60 } }, Silver: { resolution: { unit: 'business_days', days: 2 } } },
      },
      { category: 'hardware', name: 'Monitor', description: '', defaultUrgency: 'low', defaultImpact: 'individual', deliveryMode: 'onsite', complexity: 'low', expectedEffortMinutes: 30, turnarounds: {} },
    ];
    const csv = renderCatalogCsv(items, ['Silver', 'Gold']);
    expect(csv.split('\r\n')[0]).toBe(HEADER);
    expect(csv).toContain(',15m,1h\r\n');
    const parsed = parseCatalogCsv(csv, opts);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.rows.map(({ row: _row, ...rest }) => rest)).toEqual(items);
  });

  it('the whole starter catalog round-trips', () => {
    const items: CatalogCsvItem[] = starterCatalog().map((s) => ({ ...s, turnarounds: {} }));
    const parsed = parseCatalogCsv(renderCatalogCsv(items, []), opts);
    expect(parsed.ok && parsed.rows.length).toBe(items.length);
  });

  it('names every bad row and field, rows numbered as a spreadsheet shows them', () => {
    const csv = [
      HEADER,
      'account,Password reset,,high,individual,remote,low,10,30m,2h,15m,1h',
      'gadgets,Thing,,high,individual,remote,low,10,,,,',
      'network,"Wi-Fi\ndown",,urgent,team,remote,low,0,,,2x,',
      'network,VPN,,high,team,remote,low,15,,,2h,1h',
      'account,password RESET,,high,individual,remote,low,10,,,,',
    ].join('\n');
    const parsed = parseCatalogCsv(csv, opts);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      { row: 3, field: 'category', message: expect.stringMatching(/must be one of/) },
      { row: 4, field: 'default_urgency', message: expect.stringMatching(/critical, high/) },
      { row: 4, field: 'expected_effort_minutes', message: expect.any(String) },
      { row: 4, field: 'Gold response', message: expect.stringMatching(/not a turnaround/) },
      { row: 5, field: 'Gold resolution', message: expect.stringMatching(/shorter than the response/) },
      { row: 6, field: 'name', message: 'repeats row 2 (same category and name)' },
    ]);
  });

  it('refuses unknown plans and missing columns in the header (row 1)', () => {
    const parsed = parseCatalogCsv('category,name,Bronze response\n', opts);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toContainEqual({ row: 1, field: 'Bronze response', message: "there is no plan named 'Bronze'" });
    expect(parsed.errors).toContainEqual({ row: 1, field: 'default_urgency', message: 'this column is missing' });
  });
});

describe('starter catalog', () => {
  it('has 40+ items across all six categories, on the default matrix, names unique per category', () => {
    const items = starterCatalog();
    expect(items.length).toBeGreaterThanOrEqual(40);
    expect(new Set(items.map((i) => i.category))).toEqual(new Set(['hardware', 'software', 'network', 'security', 'account', 'other']));
    expect(new Set(items.map((i) => `${i.category}/${i.name.toLowerCase()}`)).size).toBe(items.length);
    for (const i of items) {
      expect(opts.urgencies).toContain(i.defaultUrgency);
      expect(opts.impacts).toContain(i.defaultImpact);
    }
    expect(items.find((i) => i.name === 'Password reset')!.turnarounds!.Gold!.remote).toEqual({ response: { unit: 'minutes', minutes: 15 }, resolution: { unit: 'minutes', minutes: 60 } });
  });
});

describe('catalog CSV and spreadsheet formulas', () => {
  it('writes text that a spreadsheet would run as a formula with a guard, and reads it back unchanged', () => {
    const item: CatalogCsvItem = {
      category: 'software',
      name: '=HYPERLINK("http://evil.test","Click")',
      description: '+1 555 0100 call back',
      defaultUrgency: 'high',
      defaultImpact: 'team',
      deliveryMode: 'remote',
      complexity: 'low',
      expectedEffortMinutes: 15,
      turnarounds: {},
    };
    const csv = renderCatalogCsv([item], []);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""Click"")"`);
    expect(csv).toContain("'+1 555 0100 call back");
    const parsed = parseCatalogCsv(csv, { planNames: [], urgencies: ['high'], impacts: ['team'] });
    expect(parsed.ok && parsed.rows[0]).toMatchObject({ name: item.name, description: item.description });
  });
});
