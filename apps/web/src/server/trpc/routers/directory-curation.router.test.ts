import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emptyCaseFields } from '@p2pvalue/directory';
import { createCaller } from '../root';
import { createContextInner } from '../context';
import { createTestUser } from '../../testing/users';

const callerFor = (viewer: Awaited<ReturnType<typeof createTestUser>> | null) => createCaller(createContextInner({ viewer }));

describe('directory curation router', () => {
  it('member proposes a new case, staff approve, then an edit shows up as a revision diff', async () => {
    const member = await createTestUser('member', 'Mia Member');
    const staff = await createTestUser('staff', 'Sam Staff');
    const name = `Curated commons ${randomBytes(4).toString('hex')}`;

    await expect(callerFor(null).directoryCuration.propose({ fields: emptyCaseFields(name) })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const proposal = await callerFor(member).directoryCuration.propose({ fields: { ...emptyCaseFields(name), scope: 'Local' } });
    await expect(callerFor(member).directoryCuration.queue()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(member).directoryCuration.approve({ revisionId: proposal.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const queue = await callerFor(staff).directoryCuration.queue({ take: 200 });
    expect(queue.items.find((item) => item.id === proposal.id)).toMatchObject({ author: 'Mia Member', kind: 'create', caseName: name });
    const { caseId } = await callerFor(staff).directoryCuration.approve({ revisionId: proposal.id });
    const created = await callerFor(null).directory.getCase({ id: caseId });
    expect(created).toMatchObject({ name, scope: 'Local' });

    const { id: editId } = await callerFor(member).directoryCuration.propose({ caseId, fields: { ...emptyCaseFields(name), scope: 'Local', homepage: 'https://example.org' } });
    const pending = await callerFor(staff).directoryCuration.proposal({ revisionId: editId });
    expect(pending.current).toMatchObject({ homepage: null });
    expect(pending.proposal.diff).toEqual({ homepage: { from: null, to: 'https://example.org' } });
    await callerFor(staff).directoryCuration.approve({ revisionId: editId });

    const publicHistory = await callerFor(null).directoryCuration.history({ caseId });
    expect(publicHistory.map((item) => [item.kind, item.author])).toEqual([
      ['update', 'Mia Member'],
      ['create', 'Mia Member'],
    ]);
    const { revisionId } = await callerFor(staff).directoryCuration.revert({ caseId, revisionId: publicHistory[1]!.id });
    expect((await callerFor(null).directory.getCase({ id: caseId })).homepage).toBeNull();
    expect((await callerFor(null).directoryCuration.history({ caseId }))[0]).toMatchObject({ id: revisionId, kind: 'revert', author: 'Sam Staff' });
  });

  it('rejects with a reason; the honeypot is silent', async () => {
    const member = await createTestUser('member');
    const staff = await createTestUser('staff');
    const name = `Spam ${randomBytes(4).toString('hex')}`;
    const bot = await callerFor(member).directoryCuration.propose({ fields: emptyCaseFields(name), website: 'http://cheap.example' });
    expect(bot).toEqual({ id: 0, status: 'proposed' });
    const real = await callerFor(member).directoryCuration.propose({ fields: emptyCaseFields(name) });
    await expect(callerFor(staff).directoryCuration.reject({ revisionId: real.id, reason: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await callerFor(staff).directoryCuration.reject({ revisionId: real.id, reason: 'Not a commons-based peer production case' });
    const queue = await callerFor(staff).directoryCuration.queue({ take: 200 });
    expect(queue.items.map((item) => item.id)).not.toContain(real.id);
    await expect(callerFor(staff).directoryCuration.reject({ revisionId: real.id, reason: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('directory vocabularies', () => {
  it('staff add a term (audited with who and when); duplicates and blanks are refused; members cannot', async () => {
    const member = await createTestUser('member');
    const staff = await createTestUser('staff', 'Vera Vocab');
    const label = `Platform  cooperative ${randomBytes(3).toString('hex')}`;

    await expect(callerFor(null).directoryCuration.addTerm({ vocabulary: 'legalEntity', label })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callerFor(member).directoryCuration.addTerm({ vocabulary: 'legalEntity', label })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(callerFor(member).directoryCuration.vocabularies()).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const term = await callerFor(staff).directoryCuration.addTerm({ vocabulary: 'legalEntity', label });
    expect(term).toMatchObject({ vocabulary: 'legalEntity', label: label.replace(/\s+/g, ' ') });
    await expect(callerFor(staff).directoryCuration.addTerm({ vocabulary: 'legalEntity', label: `  ${label.toUpperCase()} ` })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(term.label),
    });
    // the same label in another vocabulary is another term
    await expect(callerFor(staff).directoryCuration.addTerm({ vocabulary: 'scope', label })).resolves.toMatchObject({ vocabulary: 'scope' });
    await expect(callerFor(staff).directoryCuration.addTerm({ vocabulary: 'legalEntity', label: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(callerFor(staff).directoryCuration.addTerm({ vocabulary: 'nope' as 'scope', label: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const listed = (await callerFor(staff).directoryCuration.vocabularies()).legalEntity.find((item) => item.id === term.id);
    expect(listed).toMatchObject({ label: term.label, cases: 0, addedBy: 'Vera Vocab' });

    // a case may use the new term at once; the facet filter finds it by the term's id
    const name = `Uses the new term ${randomBytes(3).toString('hex')}`;
    const proposal = await callerFor(member).directoryCuration.propose({ fields: { ...emptyCaseFields(name), legalEntity: term.label.toLowerCase() } });
    const { caseId } = await callerFor(staff).directoryCuration.approve({ revisionId: proposal.id });
    expect((await callerFor(null).directory.getCase({ id: caseId })).legalEntity).toBe(term.label);
    const found = await callerFor(null).directory.search({ legalEntity: [term.label], pageSize: 10 });
    expect(found.items.map((item) => item.id)).toEqual([caseId]);
    expect(found.facets.legalEntity.find((facet) => facet.value === term.label)?.count).toBe(1);
    expect((await callerFor(staff).directoryCuration.vocabularies()).legalEntity.find((item) => item.id === term.id)?.cases).toBe(1);
  });
});
