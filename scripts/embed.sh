#!/bin/sh
# embed.sh: writes an assembler file that embeds the corpora into the binary.
#   scripts/embed.sh OUT.S FILE...
# Each file becomes NUL-terminated bytes in .rodata; jd_corpora_table lists
# {name, start, end} for every file and ends with a zero row.
set -eu
out=$1
shift
{
	echo '	.section .rodata'
	i=0
	for f in "$@"; do
		abs=$(cd "$(dirname "$f")" && pwd)/$(basename "$f")
		echo "jd_corpus_name_$i: .asciz \"$(basename "$f")\""
		echo "jd_corpus_data_$i: .incbin \"$abs\""
		echo "jd_corpus_end_$i: .byte 0"
		i=$((i + 1))
	done
	echo '	.section .data.rel.ro'
	echo '	.balign 8'
	echo '	.globl jd_corpora_table'
	echo 'jd_corpora_table:'
	j=0
	while [ $j -lt $i ]; do
		echo "	.quad jd_corpus_name_$j, jd_corpus_data_$j, jd_corpus_end_$j"
		j=$((j + 1))
	done
	echo '	.quad 0, 0, 0'
	echo '	.section .note.GNU-stack,"",@progbits'
} > "$out"
