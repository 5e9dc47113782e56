#!/usr/bin/env python3
# CPU-seconds per thread name of one process over a window, from /proc/PID/task/*/stat: shows what a JFR profile
# cannot (JIT compiler threads, GC, time in native I/O). Usage: threadcpu.py PID SECONDS
import os,sys,time,collections
pid=sys.argv[1]; dur=float(sys.argv[2])
def snap():
    d={}
    for t in os.listdir(f'/proc/{pid}/task'):
        try:
            st=open(f'/proc/{pid}/task/{t}/stat').read()
            name=st[st.index('(')+1:st.rindex(')')]
            f=st[st.rindex(')')+2:].split()
            d[t]=(name,int(f[11])+int(f[12]))
        except Exception: pass
    return d
a=snap(); time.sleep(dur); b=snap()
agg=collections.Counter()
for t,(n,c) in b.items():
    agg[n]+=c-a.get(t,(n,0))[1]
tot=sum(agg.values())
print('total CPU s',tot/100)
for n,c in agg.most_common(12): print(f'{c/100:6.2f}s {n}')
