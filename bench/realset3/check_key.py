import sys, yaml, collections
CORPUS = '/work/shared/corpus/'
CATS = {'structure','placeholder','acceptance-criteria','error-handling','edge-cases','api-contract','wording',
        'measurability','traceability','metadata','risk','contradiction','threshold','markdown','money','auth'}
key = yaml.safe_load(open('answers.yaml'))
kinds = {l.split('\t')[0] for l in open(CORPUS + 'KINDS.tsv', encoding='utf-8')}
errs = []
def chk(lines, ln, text, where):
    if not (1 <= ln <= len(lines)): errs.append(f'{where}: line {ln} out of range'); return
    s = lines[ln-1]
    if not s.strip(): errs.append(f'{where}: line {ln} blank')
    if text not in s: errs.append(f'{where}: line {ln} lacks {text!r}: {s!r}')
tot = collections.Counter()
for d in key['documents']:
    p = d['path']
    if p not in kinds: errs.append(f'{p} not in KINDS.tsv')
    lines = open(CORPUS + p, encoding='utf-8').read().split('\n')
    for i, df in enumerate(d.get('defects', [])):
        w = f'{p}#{i}'
        if df['category'] not in CATS: errs.append(f'{w}: bad category')
        if not df.get('note'): errs.append(f'{w}: no note')
        chk(lines, df['line'], df['text'], w)
        al, a = df.get('also_lines', []), df.get('also', [])
        if len(al) != len(a): errs.append(f'{w}: also/also_lines length')
        for l2, t2 in zip(al, a): chk(lines, l2, t2, w + ' also')
        tot[df['category']] += 1
    for t in d.get('traps', []):
        if not t.get('why'): errs.append(f'{p} trap no why')
        chk(lines, t['line'], t['text'], p + ' trap')
    if d['clean'] != (not d.get('defects')): errs.append(f'{p}: clean flag mismatch')
print('\n'.join(errs) or 'ALL OK')
print(sum(tot.values()), dict(tot))
sys.exit(1 if errs else 0)
