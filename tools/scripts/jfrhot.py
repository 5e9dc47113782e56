#!/usr/bin/env python3
# Shares of JFR execution samples by top frame (self) and by any frame (inclusive, matching the regular expression,
# default "claimline"). Usage: jfrhot.py RECORDING.jfr [REGEX]; needs the JDK's jfr tool on the PATH.
import sys,re,collections,subprocess
f=sys.argv[1]
out=subprocess.run(['jfr','print','--events','jdk.ExecutionSample','--stack-depth','40',f],capture_output=True,text=True).stdout
samples=out.split('jdk.ExecutionSample')
top=collections.Counter(); incl=collections.Counter(); n=0
for s in samples[1:]:
    frames=re.findall(r'^\s+([\w$.<>]+)\(',s,re.M)
    if not frames: continue
    n+=1
    top[frames[0]]+=1
    seen=set()
    for fr in frames:
        if fr in seen: continue
        seen.add(fr); incl[fr]+=1
print('samples',n)
print('--- top self')
for k,v in top.most_common(25): print(f'{v*100/n:5.1f}% {k}')
print('--- inclusive (claimline/hibernate/jackson/kafka)')
for k,v in incl.most_common(400):
    if re.search(sys.argv[2] if len(sys.argv)>2 else 'claimline',k): print(f'{v*100/n:5.1f}% {k}')
