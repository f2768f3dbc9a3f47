/* doc.c: Word 97–2003 documents (MS-DOC, the streams of an OLE2 compound
 * file: cfb.c) read into the document docx.c builds. The main text's
 * characters come from the piece table (the CLX), each piece Windows-1252
 * ("compressed") or UTF-16LE; a paragraph's properties from the PAPX of
 * its mark (its FKP found by PlcBtePapx): in a table or not, how deep, a
 * row's end and the row's cells (sprmTDefTable: their edges, horizontal
 * and vertical merges). The cells are laid on the table's grid (the
 * edges of all its rows: ooxml_table_rows) as docx.c lays a .docx's. A field
 * keeps its result, not its code; pictures and objects are dropped. List
 * numbers (LSTF, LVL, LFO) are written out as docx.c writes a .docx's;
 * a number that cannot be is said by a warning naming the item. A table
 * nested in a cell is read into that cell, with a warning. A run's font
 * (the font table, SttbfFfn) is its own (sprmCRgFtc0/2), its character
 * style's, its paragraph style's (the stylesheet, STSH) or the document's
 * default: a Symbol character is read as the sign it shows, text in a
 * Vietnamese font of before Unicode (.VnTime, VNI-Times) as its letters. */
#include "cfb.h"
#include "encoding.h"
#include "legacy.h"
#include "ooxml.h"
#include "plan.h"
#include "table.h"
#include "text.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define WORD_IDENT      0xA5EC
#define NFIB_WORD97     0xC0 /* Word 97's FIB (0xC1) and later; below, Word 6/95 */
#define FIB_BASE_SIZE   32
#define FIB_ENCRYPTED   0x0100
#define FIB_TABLE1      0x0200 /* the table stream is 1Table, not 0Table */
#define FIB_OBFUSCATED  0x8000
#define LW_CCP_TEXT     3  /* FibRgLw97: the main text's length */
#define FC_BTE_CHPX     12 /* FibRgFcLcb97's pairs */
#define FC_BTE_PAPX     13
#define FC_STSHF        1
#define FC_STTBF_FFN    15
#define STSHI_FTC_ASCII 12 /* STSHI's rgftcStandardChpStsh: the default font of ASCII text */
#define ISTD_NIL        0x0FFF
#define MAX_STYLES      4096
#define MAX_STYLE_CHAIN 16
#define FFN_NAME        39 /* an FFN's name after ffid, wWeight, chs, ixchSzAlt, panose, fs */
#define FC_CLX          33
#define FC_PLF_LST      73
#define FC_PLF_LFO      74
#define FKP_SIZE        512
#define BX_PAP_SIZE     13 /* a PAPX FKP's entries; a CHPX FKP's are one byte */
#define PCD_SIZE        8
#define MAX_PIECES      (1 << 20)
#define MAX_FIELD_DEPTH 64
#define MAX_TABLE_ROWS  100000
#define MAX_TABLE_DEPTH 2 /* deeper tables read into their cell */
#define MAX_LEVEL_TEXT  31
#define LSTF_SIZE       28
#define LSTF_FLAGS      26
#define LSTF_SIMPLE     0x01 /* one level, not nine */
#define LVLF_SIZE       28
#define LFO_SIZE        16

/* sprms read (MS-DOC 2.6) */
enum {
	SPRM_P_IN_TABLE = 0x2416,
	SPRM_P_TTP = 0x2417,
	SPRM_P_ITAP = 0x6649,
	SPRM_P_DTAP = 0x664A,
	SPRM_P_INNER_CELL = 0x244B,
	SPRM_P_INNER_TTP = 0x244C,
	SPRM_P_ILFO = 0x460B,
	SPRM_P_ILVL = 0x260A,
	SPRM_P_HUGE_PAPX = 0x6646,
	SPRM_P_CHG_TABS = 0xC615,
	SPRM_T_DEF_TABLE = 0xD608,
	SPRM_T_VERT_MERGE = 0xD62B,
	SPRM_T_MERGE = 0x5624,
	SPRM_C_RMARK_DEL = 0x0800,
	SPRM_C_VANISH = 0x083C,
	SPRM_C_F_SPEC = 0x0855,
	SPRM_C_RG_FTC0 = 0x4A4F, /* the font of ASCII characters */
	SPRM_C_RG_FTC2 = 0x4A51, /* of others (hAnsi) */
	SPRM_C_SYMBOL = 0x6A09,
	SPRM_C_ISTD = 0x4A30, /* the run's character style */
};
#define TC_MERGED       0x0002
#define TC_VERT_MERGE   0x0020
#define TC_VERT_RESTART 0x0040
#define TC80_SIZE       20

struct piece {
	uint32_t cp, end, fc;
	bool compressed;
};

/* The properties of a paragraph read: where it is in tables, its list,
 * and at a row's end the row's cells. */
struct para {
	unsigned istd;   /* its style */
	uint32_t fc_end; /* the FC after its mark (0: unknown) */
	bool in_table, ttp, inner_cell, inner_ttp;
	int itap, ilfo, ilvl;
	int ncell;
	int16_t edge[OOXML_MAX_COLS + 1];
	bool hmerged[OOXML_MAX_COLS];
	enum ooxml_vmerge vm[OOXML_MAX_COLS];
};

/* A table being read (at a depth of nesting): its serial (0: none open),
 * rows out so far, rows kept, the row's cells read and the cell's text. */
struct level {
	int table, done;
	struct ooxml_trow *rows; /* kept until the table ends and its grid is known */
	size_t nrows, cap_rows;
	char **cells;
	int ncells;
	size_t cap_cells;
	struct buf cell;
};

struct word {
	const unsigned char *wd, *tbl, *data; /* WordDocument, table, Data */
	size_t nwd, ntbl, ndata;
	uint32_t ccp_text;
	struct piece *pc;
	size_t npc;
	const unsigned char *bte, *bte_chp; /* PlcBtePapx, PlcBteChpx */
	size_t nbte, nbte_chp;
	uint32_t run_from, run_to; /* the character run read: FCs */
	enum run { RUN_SHOWN, RUN_HIDDEN, RUN_DELETED } run;
	enum ooxml_symfont font;     /* the run's, when one of ooxml_symbol_font's */
	struct ooxml_held held;      /* text in a font of before Unicode */
	bool spec;                   /* its characters special (sprmCFSpec) */
	bool sym;                    /* and a symbol given (sprmCSymbol): */
	enum ooxml_symfont sym_font; /* its font and */
	unsigned sym_char;           /* code */
	enum ooxml_symfont *fonts;   /* the font table's (SttbfFfn), by ftc */
	size_t nfonts;
	/* the stylesheet (STSH): each style's base and the font it sets,
	 * by istd; the document's default font */
	struct doc_style {
		uint16_t base;
		bool has_font;
		enum ooxml_symfont font;
	} * styles;
	size_t nstyles;
	enum ooxml_symfont font_default;
	struct buf hid; /* the paragraph's hidden text */
	int nhid;
	char *hid_first;
	struct ooxml_numbering *lists;
	/* while reading */
	struct ooxml_doc *doc;
	struct plan *p;
	struct buf para;
	struct level lv[MAX_TABLE_DEPTH];
	int serial;
	bool field_code[MAX_FIELD_DEPTH];
	int fdepth, in_code;
	int nested, unnumbered;
	char *unnumbered_first;
	bool too_many;
};

#define RESAVE                                                                                                   \
	"hãy mở tệp bằng Word hoặc LibreOffice, chọn Lưu thành (Save As) Word (.docx) rồi tải " \
	"lên lần nữa"

static int broken(struct error *err, const char *what)
{
	err_set(err, ERR_DOCUMENT, "tệp Word 97–2003 (.doc) bị hỏng: %s; " RESAVE, what);
	return -1;
}

/* ---- the FIB ---- */

/* The fc/lcb pair index of FibRgFcLcb, checked to lie in the table
 * stream; false when the FIB has no such pair or it points outside. */
static bool fib_pair(const struct word *w, int index, uint32_t *fc, uint32_t *lcb)
{
	size_t at = FIB_BASE_SIZE;
	if (at + 2 > w->nwd)
		return false;
	at += 2 + 2 * (size_t)cfb_le16(w->wd + at); /* csw, fibRgW */
	if (at + 2 > w->nwd)
		return false;
	at += 2 + 4 * (size_t)cfb_le16(w->wd + at); /* cslw, fibRgLw */
	if (at + 2 > w->nwd || (size_t)index >= cfb_le16(w->wd + at))
		return false;
	at += 2 + 8 * (size_t)index;
	if (at + 8 > w->nwd)
		return false;
	*fc = cfb_le32(w->wd + at);
	*lcb = cfb_le32(w->wd + at + 4);
	return *lcb <= w->ntbl && *fc <= w->ntbl - *lcb;
}

/* The FIB's checks: Word 97 or later, not encrypted; the main text's
 * length. */
static int read_fib(struct word *w, struct error *err)
{
	if (w->nwd < FIB_BASE_SIZE + 4 || cfb_le16(w->wd) != WORD_IDENT)
		return broken(err, "luồng WordDocument không bắt đầu bằng FIB của Word");
	if (cfb_le16(w->wd + 2) < NFIB_WORD97) {
		err_set(err, ERR_DOCUMENT,
		        "tệp Word 6.0/95 (hoặc cũ hơn) là định dạng chitieu không đọc "
		        "được; " RESAVE);
		return -1;
	}
	if (cfb_le16(w->wd + 0x0A) & (FIB_ENCRYPTED | FIB_OBFUSCATED)) {
		err_set(err, ERR_DOCUMENT,
		        "tệp Word 97–2003 (.doc) này có mật khẩu (được mã hóa) nên không đọc được; "
		        "hãy mở tệp bằng Word, gỡ mật khẩu, chọn Lưu thành (Save As) Word (.docx) "
		        "rồi tải lên lần nữa");
		return -1;
	}
	size_t lw = FIB_BASE_SIZE + 2 + 2 * (size_t)cfb_le16(w->wd + FIB_BASE_SIZE) + 2;
	if (lw + 4 * (LW_CCP_TEXT + 1) > w->nwd)
		return broken(err, "FIB bị cắt cụt");
	w->ccp_text = cfb_le32(w->wd + lw + 4 * LW_CCP_TEXT);
	if (w->ccp_text > w->nwd)
		return broken(err, "FIB ghi độ dài văn bản lớn hơn cả tệp");
	return 0;
}

/* ---- the piece table ---- */

static int read_pieces(struct word *w, const unsigned char *plc, uint32_t lcb, struct error *err)
{
	if (lcb < 4 || (lcb - 4) % (4 + PCD_SIZE) || (lcb - 4) / (4 + PCD_SIZE) > MAX_PIECES)
		return broken(err, "bảng các đoạn văn bản (piece table) sai cỡ");
	w->npc = (lcb - 4) / (4 + PCD_SIZE);
	w->pc = xcalloc(w->npc + 1, sizeof *w->pc);
	const unsigned char *pcd = plc + 4 * (w->npc + 1);
	for (size_t i = 0; i < w->npc; i++) {
		uint32_t fc = cfb_le32(pcd + PCD_SIZE * i + 2);
		struct piece *p = &w->pc[i];
		p->cp = cfb_le32(plc + 4 * i);
		p->end = cfb_le32(plc + 4 * (i + 1));
		p->compressed = fc & 0x40000000u;
		p->fc = p->compressed ? (fc & 0x3FFFFFFFu) / 2 : fc & 0x3FFFFFFFu;
		size_t bytes = ((size_t)p->end - p->cp) * (p->compressed ? 1 : 2);
		if (p->end < p->cp || (i && p->cp < w->pc[i - 1].end) || p->fc > w->nwd ||
		    bytes > w->nwd - p->fc)
			return broken(err, "bảng các đoạn văn bản (piece table) trỏ ra ngoài tệp");
	}
	return 0;
}

/* The CLX: property lists (skipped) then the piece table. */
static int read_clx(struct word *w, struct error *err)
{
	uint32_t fc, lcb;
	if (!fib_pair(w, FC_CLX, &fc, &lcb))
		return broken(err, "không tìm thấy bảng các đoạn văn bản (CLX)");
	const unsigned char *c = w->tbl + fc;
	size_t i = 0;
	while (i < lcb && c[i] == 1) { /* Prc */
		if (i + 3 > lcb)
			break;
		i += 3 + cfb_le16(c + i + 1);
	}
	if (i + 5 > lcb || c[i] != 2 || cfb_le32(c + i + 1) > lcb - i - 5)
		return broken(err, "bảng các đoạn văn bản (CLX) hỏng");
	return read_pieces(w, c + i + 5, cfb_le32(c + i + 1), err);
}

/* ---- paragraph properties ---- */

/* The size of the operand of sprm op at p (avail bytes there); 0 when it
 * does not fit. */
static size_t operand_size(unsigned op, const unsigned char *p, size_t avail)
{
	static const size_t fixed[8] = {1, 1, 2, 4, 2, 2, 0, 3};
	size_t n = fixed[op >> 13];
	if (!n && op == SPRM_T_DEF_TABLE && avail >= 2)
		n = cfb_le16(p) + 1;
	else if (!n && op == SPRM_P_CHG_TABS && avail >= 2 && p[0] == 255) {
		size_t del = p[1], at = 2 + 4 * del;
		n = at < avail ? at + 1 + 3 * (size_t)p[at] : 0;
	} else if (!n && avail >= 1)
		n = 1 + (size_t)p[0];
	return n <= avail ? n : 0;
}

/* sprmTDefTable: the row's cells, their edges and merges. */
static void def_table(struct para *pa, const unsigned char *p, size_t n)
{
	if (n < 3)
		return;
	int cells = p[2];
	size_t at = 3 + 2 * ((size_t)cells + 1);
	if (at > n)
		return;
	pa->ncell = cells < OOXML_MAX_COLS ? cells : OOXML_MAX_COLS;
	for (int i = 0; i <= pa->ncell; i++)
		pa->edge[i] = (int16_t)cfb_le16(p + 3 + 2 * i);
	for (int i = 0; i < pa->ncell && at + TC80_SIZE * ((size_t)i + 1) <= n; i++) {
		unsigned grf = cfb_le16(p + at + TC80_SIZE * (size_t)i);
		pa->hmerged[i] = grf & TC_MERGED;
		pa->vm[i] = !(grf & TC_VERT_MERGE)  ? OOXML_VM_NONE
		            : grf & TC_VERT_RESTART ? OOXML_VM_RESTART
		                                    : OOXML_VM_CONTINUE;
	}
}

static void apply_sprms(const struct word *w, struct para *pa, const unsigned char *g, size_t n,
                        bool huge_ok);

/* One sprm's operand p[0..n) applied. */
static void apply_sprm(const struct word *w, struct para *pa, unsigned op, const unsigned char *p,
                       size_t n, bool huge_ok)
{
	switch (op) {
	case SPRM_P_IN_TABLE:
		pa->in_table = p[0];
		break;
	case SPRM_P_TTP:
		pa->ttp = p[0];
		break;
	case SPRM_P_INNER_CELL:
		pa->inner_cell = p[0];
		break;
	case SPRM_P_INNER_TTP:
		pa->inner_ttp = p[0];
		break;
	case SPRM_P_ITAP:
		pa->itap = (int)(cfb_le32(p) & 0xFF);
		break;
	case SPRM_P_DTAP:
		pa->itap = (pa->itap + (int)(int32_t)cfb_le32(p)) & 0xFF;
		break;
	case SPRM_P_ILFO:
		pa->ilfo = (int16_t)cfb_le16(p);
		break;
	case SPRM_P_ILVL:
		pa->ilvl = p[0];
		break;
	case SPRM_T_DEF_TABLE:
		def_table(pa, p, n);
		break;
	case SPRM_T_VERT_MERGE:
		if (n >= 3 && p[1] < pa->ncell)
			pa->vm[p[1]] = p[2] == 3 ? OOXML_VM_RESTART
			               : p[2]    ? OOXML_VM_CONTINUE
			                         : OOXML_VM_NONE;
		break;
	case SPRM_T_MERGE:
		for (int i = p[0] + 1; i < p[1] && i < pa->ncell; i++)
			pa->hmerged[i] = true;
		break;
	case SPRM_P_HUGE_PAPX: { /* the properties kept in the Data stream */
		uint32_t fc = cfb_le32(p);
		if (huge_ok && fc < w->ndata && w->ndata - fc >= 2 &&
		    cfb_le16(w->data + fc) <= w->ndata - fc - 2)
			apply_sprms(w, pa, w->data + fc + 2, cfb_le16(w->data + fc), false);
		break;
	}
	}
}

static void apply_sprms(const struct word *w, struct para *pa, const unsigned char *g, size_t n,
                        bool huge_ok)
{
	size_t i = 0;
	while (i + 2 <= n) {
		unsigned op = cfb_le16(g + i);
		size_t k = operand_size(op, g + i + 2, n - i - 2);
		if (!k)
			return;
		apply_sprm(w, pa, op, g + i + 2, k, huge_ok);
		i += 2 + k;
	}
}

/* The index i with fcs[i] <= fc < fcs[i+1] among n+1 increasing FCs, or
 * -1. */
static long find_fc(const unsigned char *fcs, size_t n, uint32_t fc)
{
	size_t lo = 0, hi = n;
	if (!n || fc < cfb_le32(fcs) || fc >= cfb_le32(fcs + 4 * n))
		return -1;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (cfb_le32(fcs + 4 * mid) <= fc)
			lo = mid;
		else
			hi = mid;
	}
	return (long)lo;
}

/* The FKP page of the bin table bte (n entries) holding fc, and its
 * entry j: NULL when there is none. */
static const unsigned char *fkp_of(const struct word *w, const unsigned char *bte, size_t n,
                                   size_t entry, uint32_t fc, long *j)
{
	long i = find_fc(bte, n, fc);
	if (i < 0)
		return NULL;
	size_t pn = cfb_le32(bte + 4 * (n + 1) + 4 * (size_t)i) & 0x3FFFFF;
	if (w->nwd < FKP_SIZE || pn > w->nwd / FKP_SIZE - 1)
		return NULL;
	const unsigned char *fkp = w->wd + pn * FKP_SIZE;
	size_t crun = fkp[FKP_SIZE - 1];
	if (4 * (crun + 1) + entry * crun > FKP_SIZE - 1)
		return NULL;
	*j = find_fc(fkp, crun, fc);
	return *j < 0 ? NULL : fkp;
}

/* ---- the font table ---- */

/* Whether an FFN (f[0..n)) names Symbol or Wingdings. */
static enum ooxml_symfont ffn_font(const unsigned char *f, size_t n)
{
	char name[32];
	size_t k = 0;
	for (size_t at = FFN_NAME; at + 2 <= n && k + 1 < sizeof name; at += 2) {
		unsigned c = cfb_le16(f + at);
		if (!c)
			break;
		name[k++] = c < 0x80 ? (char)c : '?';
	}
	name[k] = '\0';
	return ooxml_symbol_font(name);
}

/* The fonts of SttbfFfn (an STTB of FFNs, each after its length byte)
 * that are Symbol or Wingdings, by their index. */
static void read_fonts(struct word *w)
{
	uint32_t fc, lcb;
	if (!fib_pair(w, FC_STTBF_FFN, &fc, &lcb) || lcb < 4)
		return;
	const unsigned char *p = w->tbl + fc + 4, *end = w->tbl + fc + lcb;
	size_t n = cfb_le16(w->tbl + fc);
	w->fonts = xcalloc(n ? n : 1, sizeof *w->fonts);
	for (size_t i = 0; i < n && p < end; i++) {
		size_t len = *p++;
		if (len > (size_t)(end - p))
			break;
		w->fonts[i] = ffn_font(p, len);
		w->nfonts = i + 1;
		p += len;
	}
}

static enum ooxml_symfont font_at(const struct word *w, unsigned ftc)
{
	return ftc < w->nfonts ? w->fonts[ftc] : OOXML_SYM_NONE;
}

/* What a CHPX's sprms (a run's or a style's) set: deleted by a tracked
 * change (sprmCFRMarkDel), hidden (sprmCFVanish), special characters
 * (sprmCFSpec) with an inserted symbol (sprmCSymbol), the character style
 * (sprmCIstd) and the font: its ASCII text's (sprmCRgFtc0), unless that is
 * none of ooxml_symbol_font's, then its other text's (sprmCRgFtc2), as
 * docx.c reads a w:rFonts. */
struct chp {
	bool deleted, hidden, spec, sym, has_font;
	enum ooxml_symfont font, sym_font;
	unsigned sym_char, istd;
};

static void read_chpx(const struct word *w, const unsigned char *g, size_t n, struct chp *c)
{
	*c = (struct chp){.istd = ISTD_NIL};
	enum ooxml_symfont ascii = OOXML_SYM_NONE, hansi = OOXML_SYM_NONE;
	for (size_t i = 0; i + 2 <= n;) {
		unsigned op = cfb_le16(g + i);
		const unsigned char *v = g + i + 2;
		size_t k = operand_size(op, v, n - i - 2);
		if (!k)
			break;
		if (op == SPRM_C_RMARK_DEL)
			c->deleted |= *v & 1;
		else if (op == SPRM_C_VANISH)
			c->hidden |= *v & 1;
		else if (op == SPRM_C_F_SPEC)
			c->spec = *v & 1;
		else if (op == SPRM_C_ISTD && k >= 2)
			c->istd = cfb_le16(v);
		else if ((op == SPRM_C_RG_FTC0 || op == SPRM_C_RG_FTC2) && k >= 2) {
			*(op == SPRM_C_RG_FTC0 ? &ascii : &hansi) = font_at(w, cfb_le16(v));
			c->has_font = true;
		} else if (op == SPRM_C_SYMBOL && k >= 4) {
			c->sym = true;
			c->sym_font = font_at(w, cfb_le16(v));
			c->sym_char = cfb_le16(v + 2);
		}
		i += 2 + k;
	}
	c->font = ascii ? ascii : hansi;
}

/* One STD (q[0..n), its fixed part cbbase bytes): its base style, and the
 * font its character properties set (a paragraph style's UPXs are its
 * paragraph's then its characters'; a character style's, its characters'). */
static void read_style(const struct word *w, struct doc_style *st, const unsigned char *q, size_t n,
                       size_t cbbase)
{
	unsigned stk = q[2] & 0x0F, cupx = q[4] & 0x0F;
	st->base = (uint16_t)(cfb_le16(q + 2) >> 4);
	if (cbbase + 2 > n || (stk != 1 && stk != 2) || cupx < (stk == 1 ? 2u : 1u))
		return;
	size_t at = cbbase + 2 + 2 * (size_t)cfb_le16(q + cbbase) + 2; /* the name, NUL-ended */
	if (stk == 1) { /* the paragraph's UPX first */
		if (at + 2 > n)
			return;
		size_t cb = cfb_le16(q + at);
		at += 2 + cb + (cb & 1);
	}
	if (at + 2 > n)
		return;
	size_t cb = cfb_le16(q + at);
	struct chp c;
	if (cb <= n - at - 2) {
		read_chpx(w, q + at + 2, cb, &c);
		st->has_font = c.has_font;
		st->font = c.font;
	}
}

/* The stylesheet (STSH): the default font (STSHI), each style's base and
 * font. */
static void read_styles(struct word *w)
{
	uint32_t fc, lcb;
	if (!fib_pair(w, FC_STSHF, &fc, &lcb) || lcb < 2)
		return;
	const unsigned char *p = w->tbl + fc, *end = p + lcb;
	size_t cb = cfb_le16(p);
	if (cb < STSHI_FTC_ASCII + 2 || cb > lcb - 2)
		return;
	const unsigned char *si = p + 2;
	size_t cstd = cfb_le16(si), cbbase = cfb_le16(si + 2);
	w->font_default = font_at(w, cfb_le16(si + STSHI_FTC_ASCII));
	if (cstd > MAX_STYLES || cbbase < 10)
		return;
	w->styles = xcalloc(cstd ? cstd : 1, sizeof *w->styles);
	const unsigned char *q = si + cb;
	for (size_t i = 0; i < cstd && (size_t)(end - q) >= 2; i++) {
		size_t cbstd = cfb_le16(q);
		q += 2;
		w->styles[i].base = ISTD_NIL;
		w->nstyles = i + 1;
		if (cbstd > (size_t)(end - q))
			break;
		if (cbstd >= cbbase)
			read_style(w, &w->styles[i], q, cbstd, cbbase);
		q += cbstd;
	}
}

/* The font a style gives (istd, or the style it is based on). */
static bool style_font(const struct word *w, unsigned istd, enum ooxml_symfont *f)
{
	for (int k = 0; k < MAX_STYLE_CHAIN && istd < w->nstyles; k++) {
		if (w->styles[istd].has_font) {
			*f = w->styles[istd].font;
			return true;
		}
		istd = w->styles[istd].base;
	}
	return false;
}

static void para_at(const struct word *w, uint32_t fc, struct para *pa);

/* The font of the run holding fc, whose CHPX says c: its own, its
 * character style's, its paragraph style's, the document's default; the
 * run read no further than its paragraph (whose style may be another's). */
static void run_font(struct word *w, uint32_t fc, const struct chp *c)
{
	w->font = c->font;
	if (c->has_font || (c->istd != ISTD_NIL && style_font(w, c->istd, &w->font)))
		return;
	struct para pa;
	para_at(w, fc, &pa);
	if (pa.fc_end > fc && pa.fc_end < w->run_to)
		w->run_to = pa.fc_end;
	if (!style_font(w, pa.istd, &w->font))
		w->font = w->font_default;
}

/* The character run holding fc (its CHPX: read_chpx), kept for the FCs it
 * covers. */
static void run_at(struct word *w, uint32_t fc)
{
	long j;
	const unsigned char *fkp = fkp_of(w, w->bte_chp, w->nbte_chp, 1, fc, &j);
	struct chp c = {.istd = ISTD_NIL};
	w->run_from = fc;
	w->run_to = fc + 1;
	if (fkp) {
		size_t crun = fkp[FKP_SIZE - 1];
		w->run_from = cfb_le32(fkp + 4 * (size_t)j);
		w->run_to = cfb_le32(fkp + 4 * ((size_t)j + 1));
		size_t at = 2 * (size_t)fkp[4 * (crun + 1) + (size_t)j];
		if (at && at < FKP_SIZE - 1 && at + 1 + fkp[at] <= FKP_SIZE - 1)
			read_chpx(w, fkp + at + 1, fkp[at], &c); /* else no CHPX: its styles' */
	}
	w->run = c.deleted ? RUN_DELETED : c.hidden ? RUN_HIDDEN : RUN_SHOWN;
	w->spec = c.spec;
	w->sym = c.sym;
	w->sym_font = c.sym_font;
	w->sym_char = c.sym_char;
	run_font(w, fc, &c);
}

/* The properties of the paragraph whose mark is at fc (defaults when the
 * file gives none). */
static void para_at(const struct word *w, uint32_t fc, struct para *pa)
{
	memset(pa, 0, sizeof *pa);
	long j;
	const unsigned char *fkp = fkp_of(w, w->bte, w->nbte, BX_PAP_SIZE, fc, &j);
	if (!fkp)
		return;
	size_t crun = fkp[FKP_SIZE - 1];
	size_t at = 2 * (size_t)fkp[4 * (crun + 1) + BX_PAP_SIZE * (size_t)j];
	if (!at || at + 2 > FKP_SIZE - 1)
		return;
	size_t len = fkp[at] ? 2 * (size_t)fkp[at] - 1 : 2 * (size_t)fkp[at + 1];
	size_t start = fkp[at] ? at + 1 : at + 2;
	pa->fc_end = cfb_le32(fkp + 4 * ((size_t)j + 1));
	if (len < 2 || start + len > FKP_SIZE - 1)
		return;
	pa->istd = cfb_le16(fkp + start);
	apply_sprms(w, pa, fkp + start + 2, len - 2, true); /* after the istd */
	if (pa->itap == 0 && pa->in_table)
		pa->itap = 1;
}

/* ---- list numbering ---- */

static enum ooxml_fmt nfc_fmt(unsigned nfc)
{
	switch (nfc) {
	case 0:
	case 22:
		return OOXML_F_DECIMAL;
	case 1:
		return OOXML_F_UPPER_ROMAN;
	case 2:
		return OOXML_F_LOWER_ROMAN;
	case 3:
		return OOXML_F_UPPER_LETTER;
	case 4:
		return OOXML_F_LOWER_LETTER;
	case 23:
		return OOXML_F_BULLET;
	case 255:
		return OOXML_F_NONE;
	default:
		return OOXML_F_OTHER;
	}
}

/* A level's text (its xst: characters 0-8 the numbers of those levels)
 * as "%1.%2." */
static void level_text(char *out, const unsigned char *xst, size_t cch)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < cch; i++) {
		unsigned c = cfb_le16(xst + 2 * i);
		if (c < 9)
			buf_printf(&b, "%%%u", c + 1);
		else
			encoding_put_utf8(&b, c);
	}
	const char *s = buf_str(&b);
	size_t n = b.len > MAX_LEVEL_TEXT ? 0 : b.len; /* a text too long for a label */
	memcpy(out, s, n);
	out[n] = '\0';
	buf_free(&b);
}

/* One LVL at tbl[*at]: its style, start and text; *at moved past it.
 * False when it does not fit. */
static bool read_level(const struct word *w, size_t end, size_t *at, struct ooxml_level *lv)
{
	const unsigned char *t = w->tbl;
	if (*at + LVLF_SIZE + 2 > end)
		return false;
	const unsigned char *lvlf = t + *at;
	size_t skip = LVLF_SIZE + (size_t)lvlf[24] + lvlf[25]; /* its grpprls */
	if (*at + skip + 2 > end)
		return false;
	size_t cch = cfb_le16(t + *at + skip);
	if (*at + skip + 2 + 2 * cch > end)
		return false;
	lv->start = (int)(cfb_le32(lvlf) & 0x7FFF);
	lv->fmt = nfc_fmt(lvlf[4]);
	level_text(lv->text, t + *at + skip + 2, cch);
	*at += skip + 2 + 2 * cch;
	return true;
}

/* PlfLst: the lists, and their levels (the LVLs that follow it in the
 * table stream). */
static void read_lists(struct word *w)
{
	uint32_t fc, lcb;
	if (!fib_pair(w, FC_PLF_LST, &fc, &lcb) || lcb < 2)
		return;
	size_t nlst = cfb_le16(w->tbl + fc) & 0x7FFF, at = fc + 2 + LSTF_SIZE * nlst;
	if (at > (size_t)fc + lcb)
		return;
	for (size_t i = 0; i < nlst; i++) {
		const unsigned char *lstf = w->tbl + fc + 2 + LSTF_SIZE * i;
		struct ooxml_list *l = ooxml_list_add(w->lists, (int)cfb_le32(lstf));
		int levels = lstf[LSTF_FLAGS] & LSTF_SIMPLE ? 1 : OOXML_MAX_LEVELS;
		for (int k = 0; k < levels; k++) {
			struct ooxml_level dummy;
			if (!read_level(w, w->ntbl, &at, l ? &l->lvl[k] : &dummy))
				return;
		}
	}
}

/* PlfLfo: the instances of the lists that paragraphs name (1-based). */
static void read_lfos(struct word *w)
{
	uint32_t fc, lcb;
	if (!fib_pair(w, FC_PLF_LFO, &fc, &lcb) || lcb < 4)
		return;
	size_t n = cfb_le32(w->tbl + fc);
	for (size_t i = 0; i < n && 4 + LFO_SIZE * (i + 1) <= lcb; i++)
		ooxml_num_add(w->lists, (int)i + 1, (int)cfb_le32(w->tbl + fc + 4 + LFO_SIZE * i));
}

/* Whether the list level a paragraph names has a number nobody wrote out
 * (its list unknown, or its style one ooxml_number_label does not
 * write): not a level without number. */
static bool number_lost(const struct word *w, int ilfo, int ilvl)
{
	const struct ooxml_num *n = NULL;
	for (int i = 0; i < w->lists->nnum && !n; i++)
		if (w->lists->num[i].id == ilfo)
			n = &w->lists->num[i];
	for (int i = 0; n && i < w->lists->nlist; i++)
		if (w->lists->list[i].id == n->list)
			return w->lists->list[i].lvl[ilvl].fmt != OOXML_F_NONE;
	return true;
}

/* The label of a numbered paragraph, or NULL (said by a warning when its
 * number was not written out). */
static char *list_label(struct word *w, const struct para *pa, const char *text)
{
	if (pa->ilfo <= 0 || pa->ilvl >= OOXML_MAX_LEVELS)
		return NULL;
	char *label = ooxml_number_label(w->lists, pa->ilfo, pa->ilvl);
	if (!label && number_lost(w, pa->ilfo, pa->ilvl) && w->unnumbered++ == 0)
		w->unnumbered_first = text_prefix(text, 60);
	return label;
}

/* ---- the text ---- */

/* The rows of the table at lv read so far, out; the table stays open. */
static void flush_rows(struct word *w, struct level *lv)
{
	w->too_many |= ooxml_table_rows(w->doc, lv->rows, lv->nrows, lv->table, &lv->done);
	lv->nrows = 0;
}

/* The table at depth (1-based) and deeper end. */
static void close_tables(struct word *w, int depth)
{
	for (int d = MAX_TABLE_DEPTH; d >= depth; d--) {
		struct level *lv = &w->lv[d - 1];
		flush_rows(w, lv);
		lv->table = lv->done = 0;
	}
}

/* The table at depth goes on or starts (the rows of the one around it
 * read so far out first: a nested table's rows come before the row that
 * holds it, as docx.c reads them). */
static struct level *open_table(struct word *w, int depth)
{
	close_tables(w, depth + 1);
	struct level *lv = &w->lv[depth - 1];
	if (!lv->table) {
		if (depth > 1)
			flush_rows(w, &w->lv[depth - 2]);
		lv->table = ++w->serial;
	}
	return lv;
}

/* The cell read ends: its text among the row's cells. */
static void end_cell(struct level *lv)
{
	if ((size_t)lv->ncells == lv->cap_cells)
		lv->cells =
		        xgrow(lv->cells, &lv->cap_cells, (size_t)lv->ncells + 1, sizeof *lv->cells);
	lv->cells[lv->ncells++] = xstrdup(buf_str(&lv->cell));
	buf_reset(&lv->cell);
}

/* A row's end mark: its cells kept with the row's edges and merges. */
static void end_row(struct word *w, struct level *lv, const struct para *pa)
{
	if (lv->nrows >= MAX_TABLE_ROWS)
		flush_rows(w, lv);
	lv->rows = xgrow(lv->rows, &lv->cap_rows, lv->nrows + 1, sizeof *lv->rows);
	struct ooxml_trow *t = &lv->rows[lv->nrows++];
	t->cell = lv->cells;
	t->n = lv->ncells;
	t->ncell = pa->ncell;
	for (int i = 0; i <= OOXML_MAX_COLS; i++)
		t->edge[i] = pa->edge[i];
	memcpy(t->hmerged, pa->hmerged, sizeof t->hmerged);
	memcpy(t->vm, pa->vm, sizeof t->vm);
	lv->cells = NULL;
	lv->ncells = 0;
	lv->cap_cells = 0;
	buf_reset(&lv->cell);
}

/* The paragraph's hidden text, counted for the warning. */
static void note_hidden(struct word *w)
{
	char *hid = text_clean(buf_str(&w->hid));
	buf_reset(&w->hid);
	if (*hid && w->nhid++ == 0)
		w->hid_first = text_prefix(hid, 60);
	free(hid);
}

/* A paragraph's text ends (pa its mark's properties): running text, or a
 * line of the cell of the table at lv. */
static void end_paragraph(struct word *w, const struct para *pa, struct level *lv)
{
	char *label = list_label(w, pa, buf_str(&w->para));
	const char *text = buf_str(&w->para);
	char *full = !label  ? xstrdup(text)
	             : *text ? xasprintf("%s %s", label, text)
	                     : xstrdup(label);
	free(label);
	buf_reset(&w->para);
	note_hidden(w);
	if (!lv) {
		char *save = NULL; /* a line break ends a line of running text */
		for (char *line = strtok_r(full, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save))
			ooxml_text(w->doc, line);
	} else {
		ooxml_cell_lines(&lv->cell, full);
	}
	free(full);
}

/* A paragraph or cell mark (ch) at fc. A table's cell ends with 0x07, its
 * row with 0x07 marked as the row's end (TTP); a nested table's with
 * paragraph marks marked so (inner cell, inner TTP). */
static void end_mark(struct word *w, unsigned ch, uint32_t fc)
{
	struct para pa;
	para_at(w, fc, &pa);
	if (pa.itap == 0) {
		close_tables(w, 1);
		end_paragraph(w, &pa, NULL);
		return;
	}
	int depth = pa.itap < MAX_TABLE_DEPTH ? pa.itap : MAX_TABLE_DEPTH;
	w->nested += pa.itap > MAX_TABLE_DEPTH; /* deeper: read into the cell */
	struct level *lv = open_table(w, depth);
	bool nested = pa.itap > 1;
	bool row_end = pa.itap == depth && (nested ? pa.inner_ttp : ch == 0x07 && pa.ttp);
	bool cell_end = pa.itap == depth && (nested ? pa.inner_cell : ch == 0x07);
	if (row_end) {
		buf_reset(&w->para);
		end_row(w, lv, &pa);
		return;
	}
	end_paragraph(w, &pa, lv);
	if (cell_end)
		end_cell(lv);
}

/* A field's marks: its code (between 0x13 and 0x14) is not shown, its
 * result (0x14 to 0x15) is. */
static void field_mark(struct word *w, unsigned ch)
{
	if (ch == 0x13) {
		if (w->fdepth < MAX_FIELD_DEPTH) { /* deeper fields: shown whole */
			w->field_code[w->fdepth] = true;
			w->in_code++;
		}
		w->fdepth++;
		return;
	}
	if (w->fdepth == 0)
		return;
	bool *code = w->fdepth <= MAX_FIELD_DEPTH ? &w->field_code[w->fdepth - 1] : NULL;
	if (code && *code) { /* the code ends at the separator or the end */
		*code = false;
		w->in_code--;
	}
	if (ch == 0x15)
		w->fdepth--;
}

/* The character a symbol inserted (sprmCSymbol) shows: its font's, or
 * itself when the font is not one of those mapped (a code of a font's
 * own, F000-F0FF, as U+FFFD, as docx.c reads a w:sym). */
static unsigned inserted_symbol(const struct word *w)
{
	if (ooxml_symbol_signs(w->sym_font))
		return (unsigned)ooxml_symbol_char(w->sym_font, w->sym_char);
	return w->sym_char >= 0xF000 ? 0xFFFD : w->sym_char;
}

/* One character of the main text (a UTF-16 code unit; high surrogates
 * held in *hi) at fc. */
static void put_char(struct word *w, unsigned ch, uint32_t fc, unsigned *hi)
{
	struct buf *b = w->run == RUN_HIDDEN ? &w->hid : &w->para;
	if (w->font && !ooxml_symbol_signs(w->font) && !w->in_code && w->run != RUN_DELETED &&
	    (ch >= 0x20 || ch == 0x1F) && ch < 0xD800 && !(w->spec && w->sym)) {
		/* a font of before Unicode; its byte 0xAD (TCVN3's "ư") kept
		 * as Word keeps a soft hyphen */
		if (ch == 0x1F)
			ch = 0xAD;
		utf8proc_uint8_t u[4];
		utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)ch, u);
		ooxml_held_put(&w->held, b, w->font, (const char *)u, k > 0 ? (size_t)k : 0);
		*hi = 0;
		return;
	}
	ooxml_held_flush(&w->held);
	if (ch == 0x13 || ch == 0x14 || ch == 0x15)
		field_mark(w, ch);
	else if (w->in_code > 0)
		return;
	else if (ch == 0x0D || ch == 0x07)
		end_mark(w, ch, fc);
	else if (w->run == RUN_DELETED)
		return;
	else if (ch == 0x0B || ch == 0x0C)
		buf_putc(b, '\n');
	else if (ch == 0x09)
		buf_putc(b, ' ');
	else if (ch == 0x1E)
		buf_putc(b, '-');
	else if (w->spec && ch == 0x28 && w->sym) /* a symbol inserted */
		encoding_put_utf8(b, inserted_symbol(w));
	else if (ooxml_symbol_signs(w->font) &&
	         ((ch > 0x20 && ch <= 0xFF) || (ch >= 0xF000 && ch <= 0xF0FF)))
		encoding_put_utf8(b, (unsigned)ooxml_symbol_char(w->font, ch)); /* text in Symbol */
	else if (ch >= 0xD800 && ch < 0xDC00)
		*hi = ch;
	else if (ch >= 0xDC00 && ch < 0xE000 && *hi)
		encoding_put_utf8(b, 0x10000 + ((*hi - 0xD800) << 10) + (ch - 0xDC00));
	else if (ch >= 0x20 && (ch < 0xDC00 || ch >= 0xE000))
		encoding_put_utf8(b, ch);
	if (ch < 0xD800 || ch >= 0xDC00)
		*hi = 0;
}

static void read_text(struct word *w)
{
	unsigned hi = 0;
	for (size_t k = 0; k < w->npc && w->pc[k].cp < w->ccp_text; k++) {
		const struct piece *p = &w->pc[k];
		uint32_t end = p->end < w->ccp_text ? p->end : w->ccp_text;
		for (uint32_t cp = p->cp; cp < end; cp++) {
			uint32_t fc = p->fc + (cp - p->cp) * (p->compressed ? 1 : 2);
			unsigned ch =
			        p->compressed ? encoding_cp1252(w->wd[fc]) : cfb_le16(w->wd + fc);
			if (fc < w->run_from || fc >= w->run_to)
				run_at(w, fc);
			put_char(w, ch, fc, &hi);
		}
	}
	ooxml_held_flush(&w->held);
	close_tables(w, 1);
	struct para none = {0};
	end_paragraph(w, &none, NULL); /* text after the last mark */
}

/* ---- the document ---- */

static void warn_read(struct word *w)
{
	if (w->too_many)
		ooxml_warn_columns(w->p);
	ooxml_warn_hidden_text(w->p, "Word", w->hid_first, w->nhid);
	if (w->nested)
		ooxml_warn_nested(w->p);
	if (w->unnumbered)
		plan_warn(w->p, 0,
		          "Số thứ tự tự động (đánh số danh sách của Word) của mục “%s”%s không đọc "
		          "được; hãy kiểm tra mã của các mục này",
		          w->unnumbered_first ? w->unnumbered_first : "",
		          w->unnumbered > 1 ? " và các mục khác" : "");
}

/* A bin table (PlcBtePapx, PlcBteChpx: FCs then FKP page numbers) and its
 * *n entries; NULL when the FIB has none. */
static const unsigned char *bin_table(const struct word *w, int index, size_t *n)
{
	uint32_t fc, lcb;
	*n = 0;
	if (!fib_pair(w, index, &fc, &lcb) || lcb < 4 || (lcb - 4) % 8)
		return NULL;
	*n = (lcb - 4) / 8;
	return w->tbl + fc;
}

static int read_word(struct word *w, struct error *err)
{
	if (read_fib(w, err) || read_clx(w, err))
		return -1;
	w->bte = bin_table(w, FC_BTE_PAPX, &w->nbte);
	w->bte_chp = bin_table(w, FC_BTE_CHPX, &w->nbte_chp);
	read_fonts(w);
	read_styles(w);
	read_lists(w);
	read_lfos(w);
	read_text(w);
	warn_read(w);
	return w->serial ? 0 : ooxml_no_table(err);
}

static void word_free(struct word *w)
{
	for (int d = 0; d < MAX_TABLE_DEPTH; d++) {
		struct level *lv = &w->lv[d];
		ooxml_trows_free(lv->rows, lv->nrows);
		for (int i = 0; i < lv->ncells; i++)
			free(lv->cells[i]);
		free(lv->cells);
		buf_free(&lv->cell);
	}
	buf_free(&w->para);
	buf_free(&w->hid);
	free(w->hid_first);
	free(w->pc);
	free(w->fonts);
	free(w->styles);
	ooxml_held_free(&w->held);
	free(w->lists);
	free(w->unnumbered_first);
}

/* The streams of a Word document: WordDocument, its table stream, Data. */
static int read_streams(struct cfb *c, char **wd, char **tbl, char **data, struct word *w,
                        struct error *err)
{
	*wd = cfb_read(c, "WordDocument", &w->nwd, err);
	if (!*wd)
		return -1;
	w->wd = (const unsigned char *)*wd;
	bool one = w->nwd >= 12 && cfb_le16(w->wd + 0x0A) & FIB_TABLE1;
	*tbl = cfb_read(c, one ? "1Table" : "0Table", &w->ntbl, err);
	if (!*tbl)
		return err_is(err) ? -1 : broken(err, "thiếu luồng bảng (0Table/1Table)");
	w->tbl = (const unsigned char *)*tbl;
	*data = cfb_read(c, "Data", &w->ndata, err);
	w->data = (const unsigned char *)*data;
	return err_is(err) ? -1 : 0;
}

int doc_read_plan(const char *data, size_t n, struct lines *l, struct rows *r, struct plan *p,
                  struct error *err)
{
	struct cfb *c = cfb_open(data, n, err);
	if (!c)
		return -1;
	if (!cfb_has(c, "WordDocument")) {
		if (cfb_has(c, "Workbook") || cfb_has(c, "Book")) {
			int rc = xls_read_plan(c, l, r, p, err);
			cfb_close(c);
			return rc;
		}
		cfb_close(c);
		err_set(err, ERR_DOCUMENT,
		        "tệp Office 97–2003 (OLE2) này không phải tài liệu Word hay sổ tính Excel: "
		        "không có luồng WordDocument hay Workbook; hãy tải lên chính tệp kế hoạch "
		        "(Word .doc, .docx, Excel .xls, .xlsx, OpenDocument .odt hoặc PDF)");
		return -1;
	}
	struct ooxml_doc d = {l, r, false};
	struct word w = {.doc = &d, .p = p, .para = BUF_INIT, .hid = BUF_INIT};
	w.lists = xcalloc(1, sizeof *w.lists);
	char *wd = NULL, *tbl = NULL, *dat = NULL;
	int rc = read_streams(c, &wd, &tbl, &dat, &w, err) ? -1 : read_word(&w, err);
	word_free(&w);
	free(wd);
	free(tbl);
	free(dat);
	cfb_close(c);
	return rc;
}
