import { describe, expect, it } from 'vitest';
import { majorVersion, ncNamePart, packageIdentifiers } from '../../manifests/identifiers.ts';
import { isNcName } from '../../manifests/xml-tree.ts';

describe('ncNamePart', () => {
  it('keeps slugs readable', () => {
    expect(ncNamePart('common-ground')).toBe('common-ground');
    expect(ncNamePart('trust.v2')).toBe('trust.v2');
  });

  it('escapes everything else injectively, so distinct variant ids never collide', () => {
    const inputs = ['a b', 'a_b', 'a_20_b', 'a/b', 'a:b', 'é', 'e\u0301', '😀', ''];
    const outputs = inputs.map(ncNamePart);
    expect(new Set(outputs).size).toBe(inputs.length);
    for (const output of outputs) expect(output).toMatch(/^[A-Za-z0-9._-]*$/);
  });
});

describe('packageIdentifiers', () => {
  it('makes NCNames even from awkward ids', () => {
    const ids = packageIdentifiers({ id: '9lives', version: '3.0.0', iri: 'urn:x-course:nine' }, { id: 'trust 7/a' });
    for (const id of [ids.manifest, ids.organization, ids.item, ids.resource]) expect(isNcName(id)).toBe(true);
    expect(ids.manifest).toBe('_9lives-v3-trust_20_7_2f_a');
    expect(ids.courseIri).toBe('urn:x-course:nine/v3/trust%207%2Fa');
  });

  it('refuses a relative course IRI and an empty id', () => {
    expect(() => packageIdentifiers({ id: 'c', version: '1.0.0', iri: 'courses/c' }, { id: 'v' })).toThrow(/absolute IRI/);
    expect(() => packageIdentifiers({ id: 'c', version: '1.0.0', iri: 'https://x.example/c' }, { id: '' })).toThrow(/variant id/);
  });
});

describe('majorVersion', () => {
  it.each([
    ['1.0.0', 1],
    ['12.3.4-rc.1+build.5', 12],
    ['0.9.1', 0],
  ])('%s → %i', (version, major) => expect(majorVersion(version)).toBe(major));

  it.each(['1.0', 'v1.0.0', '01.0.0', 'one'])('refuses %s', (version) => expect(() => majorVersion(version)).toThrow());
});

describe('isNcName', () => {
  it.each(['ITEM-1', '_x', 'résumé', 'a.b-c_d'])('accepts %s', (name) => expect(isNcName(name)).toBe(true));
  it.each(['1abc', 'a b', 'a:b', '', '-a'])('rejects %s', (name) => expect(isNcName(name)).toBe(false));
});
