# String, bytes and f-string literals.
'a'
"a"
'''a'''
"""a"""
''
""
''''''
""""""
'a' 'b'
'a' "b" '''c''' """d"""
u'a'
U'a'
r'a\n'
R'a\n'
b'a'
B'a'
br'a\n'
Br'a\n'
bR'a\n'
BR'a\n'
rb'a\n'
rB'a\n'
Rb'a\n'
RB'a\n'
b'a' b'b'
b'a' rb'\b'
'\n\t\\\'\"\a\b\f\v\r'
'\0\1\12\123\1234'
'\x41\x7f\xff'
'\u0041\u20ac\uffff'
'\U00000041\U0001F600\U0010ffff'
'\ud800\udfff'
'\
continued'
'\q\w\e'
'\é'
'é€😀'
b'\x00\xff\n\t\\\'\"\a\b\f\v\r\0\12\377\777'
b'\q'
b'\
continued'
"""multi
line
string"""
'''with 'quotes' and "quotes"'''
x = ('implicit'
     'concatenation'
     "across lines")
f'a'
F'a'
f''
f'{x}'
f'{x!r}'
f'{x!s}'
f'{x!a}'
f'{x:>10}'
f'{x:{y}}'
f'{x:{y}.{z}f}'
f'{x!r:^{w}}'
f'{{}}'
f'{{x}}'
f'a{{b}}c{d}e'
f'{x=}'
f'{x = }'
f'{x=!s}'
f'{x=:>10}'
f'{x + y=}'
f'{ x }'
f'{x, y}'
f'{(x, y)}'
f'{[x for x in y]}'
f'{ {1: 2}[1] }'
f'{x if y else z}'
f'{(lambda: 1)()}'
f'{x!=y}'
f'{x==y}'
f'{x<y}'
f'{x>=y}'
f'{a["b"]}'
f"{a['b']}"
f'''{a["b"] + a['c']}'''
f'{"nested " f"{x}"}'
f'{f"{x}"}' if False else 0
fr'\d{x}'
rf'\d{x}'
Rf'{x}\n'
fR'{x}'
F'{x}'
f'\n{x}\t'
f'\x41{x}\u0042'
'a' f'{b}' 'c'
f'{a}' f'{b}'
'a' f'b' 'c'
f'{x:}'
f'{x!r:}'
f'{x:{{}}}'
f'{x:%H:%M}'
f'{3.14:.2f}'
f'{x:{y}{z}}'
f"""
{x}
  {y + z}
"""
f'''{
x
}'''
f'{x}' \
 f'{y}'
f'{"a" "b"}'
f'{yield}' if False else 0
def g():
    f'{(yield)}'
    f'{yield x}'
x = f'{x:#x}'
x = f'{x:,}'
x = f'{x:_}'
