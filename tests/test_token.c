/*
 * test_token.c: the tokenizer keeps technology names whole and folds what
 * only looks different. Cases are a table: text, then the tokens expected,
 * as written, separated by '|' (URLs and e-mail addresses are single tokens
 * that the kind table marks U).
 */
#include "testutil.h"
#include "jdalign/token.h"

TestSuite(token, .fini = jd_test_fini);

struct tcase {
	char text[48];
	char want[64];
};

static const struct tcase cases[] = {
	{ "C/C++", "C|/|C++" },
	{ "C#/.NET", "C#|/|.NET" },
	{ "Node.js/Express", "Node.js|/|Express" },
	{ "CI/CD pipelines", "CI|/|CD|pipelines" },
	{ "REST/gRPC APIs", "REST|/|gRPC|APIs" },
	{ "AWS (EC2, S3, Lambda)", "AWS|(|EC2|,|S3|,|Lambda|)" },
	{ "5+ years", "5+|years" },
	{ "p95 latency", "p95|latency" },
	{ "PostgreSQL 14", "PostgreSQL|14" },
	{ "scikit-learn", "scikit-learn" },
	{ "Go (Golang)", "Go|(|Golang|)" },
	{ "TypeScript/JavaScript", "TypeScript|/|JavaScript" },
	{ "Sr. engineer", "Sr|.|engineer" },
	{ "the U.S. market", "the|U.S.|market" },
	{ "99.95% uptime", "99.95%|uptime" },
	{ "event-driven design", "event-driven|design" },
	{ "see https://x.example/a?b=1.", "see|https://x.example/a?b=1|." },
	{ "mail jobs@acme.example now", "mail|jobs@acme.example|now" },
	{ "A/B testing", "A|/|B|testing" },
	{ "TCP/IP", "TCP|/|IP" },
	{ "Python.", "Python|." },
	{ "$150,000 salary", "$|150,000|salary" },
	{ "R&D team", "R&D|team" },
	{ "F# and C#", "F#|and|C#" },
	{ "Notepad++", "Notepad++" },
	{ "C++17 and c++20", "C++17|and|c++20" },
	{ "C++/CLI", "C++|/|CLI" },
	{ "Ph.D. in CS", "Ph.D.|in|CS" },
	{ "M.Sc. or B.Sc.", "M.Sc.|or|B.Sc." },
	{ "B.S. degree", "B.S.|degree" },
	{ "e.g. Go", "e.g.|Go" },
	{ "i.e., Rust", "i.e.|,|Rust" },
	{ "U.S.-based", "U.S.|-|based" },
	{ "(www.acme.com)", "(|www.acme.com|)" },
	{ "see acme.com.", "see|acme.com|." },
	{ "Socket.io and ASP.NET", "Socket.io|and|ASP.NET" },
	{ ".NET Core 8", ".NET|Core|8" },
	{ "VB.NET", "VB.NET" },
	{ "Vue.js.", "Vue.js|." },
	{ "React.js, Vue.js", "React.js|,|Vue.js" },
	{ "ASP.NET Core", "ASP.NET|Core" },
	{ "Next.js 14", "Next.js|14" },
	{ "Python 3.11", "Python|3.11" },
	{ "Python3.9", "Python3.9" },
	{ "v1.2.3", "v1.2.3" },
	{ "OAuth2.0", "OAuth2.0" },
	{ "HTML5/CSS3", "HTML5|/|CSS3" },
	{ "x86-64", "x86-64" },
	{ "ARM64", "ARM64" },
	{ "k8s", "k8s" },
	{ "3D", "3D" },
	{ "Web3", "Web3" },
	{ "24/7", "24|/|7" },
	{ "24x7", "24x7" },
	{ "1:1s", "1|:|1s" },
	{ "I/O", "I|/|O" },
	{ "UI/UX", "UI|/|UX" },
	{ "PL/SQL", "PL|/|SQL" },
	{ "T-SQL", "T-SQL" },
	{ "Objective-C", "Objective-C" },
	{ "gRPC-web", "gRPC-web" },
	{ "tf.keras", "tf.keras" },
	{ "snake_case", "snake_case" },
	{ "Python's ecosystem", "Python|'s|ecosystem" },
	{ "Spring Boot's", "Spring|Boot|'s" },
	{ "don't", "don't" },
	{ "O'Reilly", "O'Reilly" },
	{ "AT&T", "AT&T" },
	{ "Q&A", "Q&A" },
	{ "S&P 500", "S&P|500" },
	{ "1,000,000", "1,000,000" },
	{ "$1.5M", "$|1.5M" },
	{ "~50%", "~|50%" },
	{ "p99.9", "p99.9" },
	{ "10+ yrs", "10+|yrs" },
	{ "5-7 years", "5-7|years" },
	{ "$120k-$150k", "$|120k|-|$|150k" },
	{ "401(k)", "401|(|k|)" },
	{ "H-1B", "H-1B" },
	{ "W-2", "W-2" },
	{ "end-to-end", "end-to-end" },
	{ "on-call", "on-call" },
	{ "real-time", "real-time" },
	{ "9-to-5", "9-to-5" },
	{ "https://acme.com/jobs).", "https://acme.com/jobs|)|." },
	{ "<jobs@acme.com>", "<|jobs@acme.com|>" },
	{ "mailto:hr@acme.com", "mailto:hr@acme.com" },
	{ "(.NET)", "(|.NET|)" },
	{ "foo..bar", "foo|.|.|bar" },
	{ "Sr. Go dev", "Sr|.|Go|dev" },
	{ "etc. Then", "etc|.|Then" },
	{ "node.js", "node.js" },
	{ "NODE.JS", "NODE.JS" },
	{ "Kafka Streams", "Kafka|Streams" },
	{ "Go\xe2\x80\x94" "fast", "Go|\xe2\x80\x94|fast" },
	{ "a \xe2\x80\x93 b", "a|\xe2\x80\x93|b" },
	{ "\xe2\x80\x9cquoted\xe2\x80\x9d", "\xe2\x80\x9c|quoted|\xe2\x80\x9d" },
	{ "\xe2\x80\x98single\xe2\x80\x99", "\xe2\x80\x98|single|\xe2\x80\x99" },
	{ "\xe2\x80\xa2 Docker", "\xe2\x80\xa2|Docker" },
	{ "\xe2\x96\xaa Kubernetes", "\xe2\x96\xaa|Kubernetes" },
	{ "\xe2\x97\x8f Terraform", "\xe2\x97\x8f|Terraform" },
	{ "\xe2\x86\x92 Helm", "\xe2\x86\x92|Helm" },
	{ "\xe2\x9c\x93 Ansible", "\xe2\x9c\x93|Ansible" },
	{ "Python\xe2\x80\xa6", "Python|\xe2\x80\xa6" },
	{ "don\xe2\x80\x99t stop", "don\xe2\x80\x99t|stop" },
	{ "it\xe2\x80\x99s", "it|\xe2\x80\x99s" },
	{ "caf\xc3\xa9 latte", "caf\xc3\xa9|latte" },
	{ "na\xc3\xafve Bayes", "na\xc3\xafve|Bayes" },
	{ "Z\xc3\xbcrich office", "Z\xc3\xbcrich|office" },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e text", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e|text" },
	{ "Ruby on Rails", "Ruby|on|Rails" },
	{ "Java/J2EE", "Java|/|J2EE" },
	{ "ML/AI", "ML|/|AI" },
	{ "SQL/NoSQL", "SQL|/|NoSQL" },
	{ "Unix/Linux", "Unix|/|Linux" },
	{ "HTML/CSS/JS", "HTML|/|CSS|/|JS" },
	{ "MySQL, PostgreSQL; Redis.", "MySQL|,|PostgreSQL|;|Redis|." },
	{ "(Kafka)", "(|Kafka|)" },
	{ "[Terraform]", "[|Terraform|]" },
	{ "\"Docker\"", "\"|Docker|\"" },
	{ "'Helm'", "'|Helm|'" },
	{ "Spark!", "Spark|!" },
	{ "GraphQL?", "GraphQL|?" },
	{ "Go:", "Go|:" },
	{ "key: value", "key|:|value" },
	{ "#hashtag", "#|hashtag" },
	{ "@mention", "@|mention" },
	{ "a+b", "a|+|b" },
	{ "N+1 queries", "N|+|1|queries" },
	{ "++i", "+|+|i" },
	{ "+1", "+|1" },
	{ "4+ years", "4+|years" },
	{ "20%+", "20%|+" },
	{ "\xe2\x82\xac" "50k", "\xe2\x82\xac|50k" },
	{ "\xc2\xa3" "40,000", "\xc2\xa3|40,000" },
	{ "\xc2\xa5" "5000", "\xc2\xa5|5000" },
	{ "100K+ users", "100K+|users" },
	{ "10x engineer", "10x|engineer" },
	{ "2x faster", "2x|faster" },
	{ "<ORGANIZATION>", "<|ORGANIZATION|>" },
	{ "1.5 years", "1.5|years" },
	{ "v2", "v2" },
	{ "ES6+", "ES6+" },
	{ "Java 8+", "Java|8+" },
	{ ".NET 6/7", ".NET|6|/|7" },
	{ "C# 10", "C#|10" },
	{ "F#.", "F#|." },
	{ "C#,", "C#|," },
	{ "Python, Go, and Rust", "Python|,|Go|,|and|Rust" },
	{ "Go/Rust/C++", "Go|/|Rust|/|C++" },
	{ "Golang/Python", "Golang|/|Python" },
	{ "-- dash", "-|-|dash" },
	{ "long\xe2\x80\x94" "dash\xe2\x80\x94words", "long|\xe2\x80\x94|dash|\xe2\x80\x94|words" },
	{ "under_score", "under_score" },
	{ "file.txt", "file.txt" },
	{ "README.md", "README.md" },
	{ "package.json", "package.json" },
	{ "/usr/bin/env", "/|usr|/|bin|/|env" },
	{ "~/.bashrc", "~|/|.bashrc" },
	{ "x=y", "x|=|y" },
	{ "50/50", "50|/|50" },
	{ "Q3 2024", "Q3|2024" },
	{ "H1B", "H1B" },
	{ "1st", "1st" },
	{ "Kafka\xc2\xa0Streams", "Kafka|Streams" },
	{ "a\xe2\x80\x8b" "b", "a|b" },
	{ "Go\tRust", "Go|Rust" },
	{ "line\r", "line" },
	{ "\xff bad", "\xff|bad" },
	{ "Kuber\xc2\xadnetes", "Kuber\xc2\xadnetes" },
	{ "thin\xe2\x80\x89space", "thin|space" },
	{ "\xef\xbb\xbf" "BOM start", "BOM|start" },
	{ "narrow\xe2\x80\xafnbsp", "narrow|nbsp" },
	/* chunks of ASCII letters and digits, alone or before one mark */
	{ "AWS, GoLang; iOS) Go. 3D! A1?",
	    "AWS|,|GoLang|;|iOS|)|Go|.|3D|!|A1|?" },
	{ "3D. v2, x86: 2024, 42.", "3D|.|v2|,|x86|:|2024|,|42|." },
	{ "Inc. and Co. Then", "Inc|.|and|Co|.|Then" },
	{ "caf\xc3\xa9, na\xc3\xafve.", "caf\xc3\xa9|,|na\xc3\xafve|." },
	{ "Kafka's, Go's.", "Kafka|'s|,|Go|'s|." },
	{ "12345678901234567, 123456789X.",
	    "12345678901234567|,|123456789X|." },
};

static void
joined(const char *text, char *out, size_t cap)
{
	struct jd_tokens t = JD_TOKENS_INIT;
	size_t w = 0;

	jd_token_scan(&t, text, strlen(text));
	out[0] = '\0';
	for (size_t i = 0; i < t.n; i++) {
		size_t n = t.v[i].end - t.v[i].start;
		if (i && w + 1 < cap)
			out[w++] = '|';
		if (w + n < cap) {
			memcpy(out + w, text + t.v[i].start, n);
			w += n;
		}
	}
	out[w] = '\0';
	jd_tokens_free(&t);
}

Test(token, table)
{
	char got[256];
	size_t n = sizeof cases / sizeof cases[0];

	cr_expect_geq(n, 150, "at least 150 tokenizer cases");
	for (size_t i = 0; i < n; i++) {
		joined(cases[i].text, got, sizeof got);
		cr_expect_str_eq(got, cases[i].want, "tokens of \"%s\"",
		    cases[i].text);
	}
}

/* Token kinds: W word, N number, P punctuation, U URL or address. */
static const struct tcase kinds[] = {
	{ "see https://x.example/a.", "WUP" },
	{ "(www.acme.com)", "PUP" },
	{ "mail jobs@acme.example now", "WUW" },
	{ "mailto:hr@acme.com", "U" },
	{ "apply at acme.com today", "WWUW" },
	{ "Node.js and ASP.NET", "WWW" },
	{ "5+ years", "NW" },
	{ "99.95% uptime", "NW" },
	{ "$150,000", "PN" },
	{ "5-7 years", "NW" },
	{ "p95 latency", "WW" },
	{ "C++17", "W" },
	{ "Q3 2024", "WN" },
	{ "3D. v2, x86: 2024, 42.", "WPWPWPNPNP" },
	{ "12345678901234567, 123456789X.", "NPWP" },
};

/* Each case's text shown by show() must read as its want. */
static void
expect_each(const struct tcase *v, size_t n,
    void (*show)(const char *, char *, size_t), const char *what)
{
	char got[64];

	for (size_t i = 0; i < n; i++) {
		show(v[i].text, got, sizeof got);
		cr_expect_str_eq(got, v[i].want, "%s of \"%s\"", what,
		    v[i].text);
	}
}

static void
kind_string(const char *text, char *out, size_t cap)
{
	struct jd_tokens t = JD_TOKENS_INIT;
	size_t w = 0;

	jd_token_scan(&t, text, strlen(text));
	for (size_t i = 0; i < t.n && w + 1 < cap; i++)
		out[w++] = "WNPU"[t.v[i].kind];
	out[w] = '\0';
	jd_tokens_free(&t);
}

Test(token, kinds)
{
	expect_each(kinds, sizeof kinds / sizeof kinds[0], kind_string,
	    "kinds");
}

/* Folded forms: what matching compares. */
static const struct tcase folds[] = {
	{ "Node.JS \xe2\x80\x93 Don\xe2\x80\x99t", "node.js - don't" },
	{ "\xe2\x80\x9cKafka\xe2\x80\x9d", "\" kafka \"" },
	{ "PostgreSQL\xc2\xa0" "14", "postgresql 14" },
	{ "Kuber\xc2\xadnetes", "kubernetes" },
	{ "CI/CD", "ci / cd" },
	{ "C#/.NET", "c# / .net" },
	{ "\xe2\x80\xa2 AWS", "* aws" },
	{ "event\xe2\x80\x91" "driven", "event-driven" },
	{ "Python\xe2\x80\x99s", "python 's" },
	{ "Z\xc3\xbcrich", "z\xc3\xbcrich" },
	{ "AWS, GoLang; iOS) 3D! ab9Z", "aws , golang ; ios ) 3d ! ab9z" },
	{ "LongWordWithCaps, ABCDEFGHIJ.", "longwordwithcaps , abcdefghij ." },
};

Test(token, folding)
{
	for (size_t i = 0; i < sizeof folds / sizeof folds[0]; i++) {
		struct jd_buf b = JD_BUF_INIT;
		jd_token_fold_text(&b, folds[i].text, strlen(folds[i].text));
		cr_expect_str_eq(jd_buf_str(&b), folds[i].want, "fold of \"%s\"",
		    folds[i].text);
		jd_buf_free(&b);
	}
}

Test(token, flags)
{
	struct jd_tokens t = JD_TOKENS_INIT;
	const char *s = "We use Go and AWS daily";

	jd_token_scan(&t, s, strlen(s));
	cr_assert_eq(t.n, 6);
	cr_expect(t.v[0].flags & JD_TOKF_SENT);
	cr_expect(t.v[2].flags & JD_TOKF_CAP);
	cr_expect(!(t.v[2].flags & JD_TOKF_SENT));
	cr_expect(t.v[4].flags & JD_TOKF_ALLCAPS);
	cr_expect_eq(t.v[3].kind, JD_TOK_WORD);
	jd_tokens_free(&t);
}

Test(token, sentence_starts)
{
	struct jd_tokens t = JD_TOKENS_INIT;
	const char *s = "Sr. Go dev. Rust: GitHub";

	jd_token_scan(&t, s, strlen(s));
	cr_assert_eq(t.n, 8);
	cr_expect(!(t.v[2].flags & JD_TOKF_SENT), "after Sr. no sentence");
	cr_expect(t.v[5].flags & JD_TOKF_SENT, "after a full stop");
	cr_expect(t.v[7].flags & JD_TOKF_SENT, "after a colon");
	cr_expect(t.v[7].flags & JD_TOKF_INNERCAP);
	cr_expect(!(t.v[7].flags & JD_TOKF_ALLCAPS));
	jd_tokens_free(&t);
}

/* A mark after a word is a token of its own; which marks start a
 * sentence; a number keeps its last dot out, a year is a number. */
Test(token, marks_after_words)
{
	struct jd_tokens t = JD_TOKENS_INIT;
	const char *s = "Teams, Kafka; Python) go! Rust? no. 2024 v2. Etc.";
	static const struct { const char *fold; int kind, sent; } want[] = {
		{ "teams", JD_TOK_WORD, 1 }, { ",", JD_TOK_PUNCT, 0 },
		{ "kafka", JD_TOK_WORD, 0 }, { ";", JD_TOK_PUNCT, 0 },
		{ "python", JD_TOK_WORD, 1 }, { ")", JD_TOK_PUNCT, 0 },
		{ "go", JD_TOK_WORD, 0 }, { "!", JD_TOK_PUNCT, 0 },
		{ "rust", JD_TOK_WORD, 1 }, { "?", JD_TOK_PUNCT, 0 },
		{ "no", JD_TOK_WORD, 1 }, { ".", JD_TOK_PUNCT, 0 },
		{ "2024", JD_TOK_NUM, 0 }, { "v2", JD_TOK_WORD, 0 },
		{ ".", JD_TOK_PUNCT, 0 }, { "etc", JD_TOK_WORD, 1 },
		{ ".", JD_TOK_PUNCT, 0 },
	};

	jd_token_scan(&t, s, strlen(s));
	cr_assert_eq(t.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < t.n; i++) {
		cr_expect_eq(t.v[i].fold_len, strlen(want[i].fold), "token %zu",
		    i);
		cr_expect(memcmp(jd_token_fold(&t, i), want[i].fold,
		    t.v[i].fold_len) == 0, "token %zu", i);
		cr_expect_eq(t.v[i].kind, want[i].kind, "token %zu kind", i);
		cr_expect_eq((t.v[i].flags & JD_TOKF_SENT) != 0, want[i].sent,
		    "token %zu (%s) starts a sentence?", i, want[i].fold);
	}
	jd_tokens_free(&t);
}

Test(token, offsets)
{
	struct jd_tokens t = JD_TOKENS_INIT;
	const char *s = "\xe2\x80\xa2 Go\xc2\xa0(Golang)";

	jd_token_scan(&t, s, strlen(s));
	cr_assert_eq(t.n, 5);
	cr_expect_eq(t.v[1].start, 4);
	cr_expect_eq(t.v[1].end, 6);
	cr_expect_eq(t.v[3].start, 9);
	cr_expect_eq(t.v[3].end, 15);
	cr_expect(t.v[1].flags & JD_TOKF_SPACE);
	cr_expect(!(t.v[3].flags & JD_TOKF_SPACE));
	jd_tokens_free(&t);
}

/* Case flags per token: C first letter upper, A all caps, I an upper after
 * the first letter, - none. Plain ASCII and text beyond it fold apart. */
static const struct tcase caps[] = {
	{ "go Go GO gO GoLang iOS", "-|C|CAI|I|CI|I" },
	{ "1Go 3D x86AWS AWS2 A B2B", "C|C|I|CAI|C|CAI" },
	{ "\xc3\x9c" "BER Z\xc3\xbcrich \xc3\xa9T\xc3\xa9", "AI|C|I" },
	{ "Kuber\xc2\xadNETES DEV\xe2\x80\x99S", "CI|CAI|C" },
	{ "U.S. e.G. NodeJS's", "CAI|I|CI|-" },
	{ "\xe2\x80\x9c" "AWS\xe2\x80\x9d \xff" "AB A\xff" "B",
	    "-|CAI|-|-|CAI|C|-|C" },
	{ "AWS, GoLang; iOS) Go. 3D! A1? ab9Z",
	    "CAI|-|CI|-|I|-|C|-|C|-|C|-|I" },
	{ "AB, aB, Ab, 1a, A: iOS.", "CAI|-|I|-|C|-|-|-|C|-|I|-" },
	{ "LongWordWithCaps ABCDEFGHIJ. 1234567aB", "CI|CAI|-|I" },
	{ "abcdefghijK 123456789X", "I|C" },
};

static void
caps_string(const char *text, char *out, size_t cap)
{
	struct jd_tokens t = JD_TOKENS_INIT;
	size_t w = 0;

	jd_token_scan(&t, text, strlen(text));
	for (size_t i = 0; i < t.n && w + 5 < cap; i++) {
		int f = t.v[i].flags;
		if (i)
			out[w++] = '|';
		if (!(f & (JD_TOKF_CAP | JD_TOKF_ALLCAPS | JD_TOKF_INNERCAP)))
			out[w++] = '-';
		if (f & JD_TOKF_CAP)
			out[w++] = 'C';
		if (f & JD_TOKF_ALLCAPS)
			out[w++] = 'A';
		if (f & JD_TOKF_INNERCAP)
			out[w++] = 'I';
	}
	out[w] = '\0';
	jd_tokens_free(&t);
}

Test(token, case_flags)
{
	expect_each(caps, sizeof caps / sizeof caps[0], caps_string,
	    "case flags");
}

/* A token per byte, the most there can be (the folds are sized once per
 * scan), then a shorter scan in the same arrays. */
Test(token, one_token_per_byte)
{
	struct jd_tokens t = JD_TOKENS_INIT;
	char s[300];

	memset(s, '!', sizeof s);
	jd_token_scan(&t, s, sizeof s);
	cr_assert_eq(t.n, sizeof s);
	cr_expect_eq(t.fold.len, sizeof s);
	cr_expect_eq(t.v[299].start, 299);
	jd_token_scan(&t, "Go\xe2\x80\x94" "RUST", 9);
	cr_assert_eq(t.n, 3);
	cr_expect_eq(t.fold.len, 7);
	cr_expect_str_eq(t.fold.data, "go-rust");
	cr_expect_eq(t.v[2].fold, 3);
	cr_expect_eq(t.v[2].flags & JD_TOKF_ALLCAPS, JD_TOKF_ALLCAPS);
	jd_tokens_free(&t);
}
