/*
 * fuzz_embed.c: html_embed.c's bound against its reading. Of a page parsed
 * as jdalign parses it, no description read from the embedded data may be
 * longer than hb_embedded_most says, or a page that shows more text than
 * that would leave unread data it should have read. A longer one aborts.
 */
#include "fuzz.h"
#include "../../src/html_dom.h"
#include "../../src/html_int.h"

JD_FUZZ_TARGET(embed)
{
	struct jd_buf page = JD_BUF_INIT;
	struct hb_scripts scripts = HB_SCRIPTS_INIT;
	size_t repaired, jobs;
	htmlDocPtr d;

	jd_fuzz_init();
	hb_decode((const char *)data, size, JD_WIDEST_UNKNOWN, &page,
	    &repaired);
	hb_strip_raw(&page, &scripts);
	d = page.len ? hb_parse_utf8(jd_buf_str(&page), page.len, &scripts) :
	    NULL;
	if (d && xmlDocGetRootElement(d)) {
		struct hb_emb *e = hb_embedded_find(xmlDocGetRootElement(d));
		struct jd_posting p = { 0 };
		size_t most = hb_embedded_most(e), got;
		hb_embedded_read(&p, e, &jobs);
		if ((got = jd_posting_text_size(&p)) > most) {
			fprintf(stderr, "embed: %zu bytes read, bound %zu\n",
			    got, most);
			abort();
		}
		jd_posting_free(&p);
		hb_embedded_free(e);
	}
	xmlFreeDoc(d);
	jd_buf_free(&page);
	hb_scripts_free(&scripts);
	return 0;
}
