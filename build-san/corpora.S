	.section .rodata
jd_corpus_name_0: .asciz "background.tsv"
jd_corpus_data_0: .incbin "/work/main/corpora/background.tsv"
jd_corpus_end_0: .byte 0
jd_corpus_name_1: .asciz "lexicon-curated.tsv"
jd_corpus_data_1: .incbin "/work/main/corpora/lexicon-curated.tsv"
jd_corpus_end_1: .byte 0
jd_corpus_name_2: .asciz "lexicon-sample.txt"
jd_corpus_data_2: .incbin "/work/main/corpora/lexicon-sample.txt"
jd_corpus_end_2: .byte 0
jd_corpus_name_3: .asciz "lexicon.tsv"
jd_corpus_data_3: .incbin "/work/main/corpora/lexicon.tsv"
jd_corpus_end_3: .byte 0
jd_corpus_name_4: .asciz "sections.tsv"
jd_corpus_data_4: .incbin "/work/main/corpora/sections.tsv"
jd_corpus_end_4: .byte 0
	.section .data.rel.ro
	.balign 8
	.globl jd_corpora_table
jd_corpora_table:
	.quad jd_corpus_name_0, jd_corpus_data_0, jd_corpus_end_0
	.quad jd_corpus_name_1, jd_corpus_data_1, jd_corpus_end_1
	.quad jd_corpus_name_2, jd_corpus_data_2, jd_corpus_end_2
	.quad jd_corpus_name_3, jd_corpus_data_3, jd_corpus_end_3
	.quad jd_corpus_name_4, jd_corpus_data_4, jd_corpus_end_4
	.quad 0, 0, 0
	.section .note.GNU-stack,"",@progbits
