import yaml, sys, collections
CORPUS='/work/shared/corpus/'
CATS={'structure','placeholder','acceptance-criteria','error-handling','edge-cases','api-contract','wording','measurability','traceability','metadata','risk','contradiction','threshold','markdown','money','auth'}
STYLES={'classic-prd','lean-prd','pr-faq','shape-up-pitch','ieee-srs','design-doc','spec-kit','kiro-ears','madr','nygard-adr','rfc-kep'}
k=yaml.safe_load(open('/work/wt/realset4/answers.yaml'))
kinds={l.split('\t')[0] for l in open(CORPUS+'KINDS.tsv')}
errs=0
def bad(m):
    global errs; errs+=1; print('ERR',m)
assert k['version']==1
for d in k['documents']:
    p=d['path']
    if p not in kinds: bad(f'{p} not in KINDS.tsv')
    lines=open(CORPUS+p,encoding='utf-8').read().split('\n')
    if d['style'] not in STYLES: bad(f'style {d["style"]}')
    if d['clean'] != (len(d.get('defects') or [])==0): bad(f'clean flag {p}')
    seen=collections.Counter()
    def chk(ln,txt,what):
        if not (1<=ln<=len(lines)): bad(f'{p}:{ln} out of range'); return
        L=lines[ln-1]
        if not L.strip(): bad(f'{p}:{ln} blank ({what})')
        if txt not in L: bad(f'{p}:{ln} text not found ({what}): {txt!r} | {L!r}')
    for x in d.get('defects') or []:
        if x['category'] not in CATS: bad(f'cat {x["category"]}')
        if not x.get('note'): bad('no note')
        chk(x['line'],x['text'],'defect')
        al=x.get('also_lines',[]); a=x.get('also',[])
        if len(al)!=len(a): bad(f'{p}:{x["line"]} also length')
        for l2,t2 in zip(al,a): chk(l2,t2,'also')
        seen[(x['line'],x['category'])]+=1
    for t in d.get('traps') or []:
        if not t.get('why'): bad('trap no why')
        chk(t['line'],t['text'],'trap')
    for kk,v in seen.items():
        if v>1: print('note: duplicate line+category',p,kk)
print('documents',len(k['documents']),'errors',errs)
sys.exit(1 if errs else 0)
