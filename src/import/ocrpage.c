/* ocrpage.c: a scanned page as an office's scanner gives it back, made
 * ready for ocr.c's reading: the seal and the signature (colour) dropped,
 * the page turned upright when it was fed upside down or sideways
 * (Leptonica's orientation test on the letters' ascenders and descenders),
 * set level, the grey paper and the uneven lighting of the scanner's lamp
 * evened to white, the dark margins of a page fed askew wiped. */
#include "ocrpage.h"

#include "util.h"

#include <math.h>
#include <stdlib.h>

/* Chroma (largest channel less smallest) from which a pixel may be
 * coloured ink (black print has under 20 even in a JPEG, whose colour is
 * blurred across the edges of strokes; a scanner's noise leaves specks
 * above it), and from which it surely is (a seal's red or a ballpoint's
 * blue have 100 or more). */
#define DROP_SEED 48
#define DROP_ALL  72
/* A pixel near coloured ink whose dominant channel is INK_DARK % of the
 * ink's median level or less is black print (under the ink), from
 * INK_DARK + INK_SPAN % paper: the ink's own strokes vary in strength and
 * a JPEG rings around them. */
#define INK_DARK 30
#define INK_SPAN 45
/* The paper's level (the tiles' lightest 30 % of pixels) under which a
 * page's lighting is evened: a scan on white paper, lit evenly, is left
 * as it is. */
#define PAPER_LEVEL  232
#define PAPER_TARGET 245
/* Leptonica's advice for its orientation test: a page is turned when the
 * test's confidence is over 8 and over 2.5 times that of the other axis. */
#define ORIENT_CONF  8.0f
#define ORIENT_RATIO 2.5f
/* A page's vertical rules leaning from SLANT_MIN to SLANT_MAX (x per y:
 * 0.004 is 6 pixels across a table 5 cm tall at 300 dpi; 0.1 is 6
 * degrees, more than a photograph taken with care), at least
 * UPRIGHT_RULES of them an inch long or more, are stood upright. */
#define SLANT_MIN     0.004
#define SLANT_MAX     0.1
#define UPRIGHT_RULES 3
/* A page whose test finds it not upright (its upright confidence 0 or
 * less) is turned sideways on a weaker lead: over ORIENT_CONF and
 * ORIENT_WEAK times the other axis. A table page fed sideways, with
 * little running text, measured 13.2 for the turn against -6.2 upright;
 * upright pages measured 9.6 to 20 upright. */
#define ORIENT_WEAK 1.5f
/* A page curled on the glass (a bound plan) or photographed: its
 * horizontal rules bend. Rules two inches long or more and at least half
 * as long as the longest, at least BEND_RULES of them, are followed every
 * BEND_STEP of an inch; when one of them strays from its own level by a
 * BEND_MIN-th of an inch or more (a page scanned flat: a pixel or two),
 * the page is unbent: each column moved up or down so that every rule
 * lies level, the lines between two rules moved as much as their
 * distance from each weighs. */
#define BEND_RULES 3
#define BEND_STEP  10
#define BEND_MIN   25
#define BEND_MAX   64

/* The pixel's dominant channel (0 red, 1 green, 2 blue), its largest and
 * its chroma. */
static unsigned dominant(unsigned r, unsigned g, unsigned b, unsigned *hi, unsigned *chroma)
{
	unsigned lo = r < g ? r : g;
	lo = b < lo ? b : lo;
	unsigned d = r >= g && r >= b ? 0 : g >= b ? 1 : 2;
	*hi = d == 0 ? r : d == 1 ? g : b;
	*chroma = *hi - lo;
	return d;
}

static void ink_levels(const unsigned char *data, int w, int h, int stride, unsigned ink[3])
{
	static const unsigned share = 2; /* the ink's median */
	size_t hist[3][256] = {{0}}, count[3] = {0};
	for (int y = 0; y < h; y += 3) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y * (size_t)stride);
		for (int x = 0; x < w; x += 3) {
			unsigned hi, c, v = px[x];
			unsigned d = dominant((v >> 16) & 255, (v >> 8) & 255, v & 255, &hi, &c);
			if (c >= DROP_ALL)
				hist[d][hi]++, count[d]++;
		}
	}
	for (int d = 0; d < 3; d++) {
		ink[d] = 255;
		size_t seen = 0;
		for (int v = 255; v > 0 && count[d] > 0; v--) {
			seen += hist[d][v];
			if (seen * share >= count[d]) {
				ink[d] = (unsigned)v;
				break;
			}
		}
	}
}

PIX *ocr_grey(const unsigned char *data, int w, int h, int stride)
{
	unsigned ink[3];
	ink_levels(data, w, h, stride, ink);
	/* the coloured strokes (the specks of a scanner's colour noise left
	 * out), widened over their edges (where a JPEG's colour, blurred,
	 * fades) */
	PIX *colour = pixCreate(w, h, 1);
	l_uint32 *cd = pixGetData(colour);
	int cwpl = pixGetWpl(colour);
	for (int y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y * (size_t)stride);
		for (int x = 0; x < w; x++) {
			unsigned hi, c, v = px[x];
			dominant((v >> 16) & 255, (v >> 8) & 255, v & 255, &hi, &c);
			if (c >= DROP_SEED)
				SET_DATA_BIT(cd + (size_t)y * (size_t)cwpl, x);
		}
	}
	PIX *strokes = pixOpenBrick(NULL, colour, 3, 3);
	pixDestroy(&colour);
	PIX *near = pixDilateBrick(NULL, strokes, 7, 7);
	pixDestroy(&strokes);
	l_uint32 *nd = pixGetData(near);
	PIX *g = pixCreate(w, h, 8);
	int wpl = pixGetWpl(g);
	l_uint32 *gd = pixGetData(g);
	for (int y = 0; y < h; y++) {
		const uint32_t *px = (const uint32_t *)(data + (size_t)y * (size_t)stride);
		l_uint32 *out = gd + (size_t)y * (size_t)wpl;
		const l_uint32 *in = nd + (size_t)y * (size_t)cwpl;
		for (int x = 0; x < w; x++) {
			unsigned v = px[x], r = (v >> 16) & 255, gg = (v >> 8) & 255, b = v & 255;
			unsigned lum = (r * 77 + gg * 150 + b * 29) >> 8, hi, c;
			unsigned d = dominant(r, gg, b, &hi, &c);
			/* ink times print: the print's darkness is the ink's own
			 * channel against the ink's level on bare paper */
			int light = (int)lum;
			if (GET_DATA_BIT(in, x)) {
				/* hi / ink from INK_DARK to INK_DARK + INK_SPAN %: from
				 * black print under the ink to the ink alone */
				light = ((int)(hi * 100 / ink[d]) - INK_DARK) * 255 / INK_SPAN;
				light = light < 0 ? 0 : light > 255 ? 255 : light;
			}
			SET_DATA_BYTE(out, x, light > (int)lum ? (unsigned)light : lum);
		}
	}
	pixDestroy(&near);
	return g;
}

/* The page's paper, tile by tile: the darkest of the tiles' light levels,
 * each taken over the tile's pixels that wipe_edges left (page mask
 * `wiped`, when given): the white it wrote over a dark desk or a shadow
 * along the edge is not paper, and a tile mostly wiped is not looked at. */
static int paper(PIX *g, PIX *wiped)
{
	int w = pixGetWidth(g), h = pixGetHeight(g), low = 255;
	PIX *page = wiped ? pixInvert(NULL, wiped) : NULL;
	for (int ty = 0; ty < 4; ty++)
		for (int tx = 0; tx < 4; tx++) {
			BOX *b = boxCreate(w * tx / 4, h * ty / 4, w / 4, h / 4);
			PIX *t = pixClipRectangle(g, b, NULL);
			PIX *m = page ? pixClipRectangle(page, b, NULL) : NULL;
			boxDestroy(&b);
			l_int32 on = 0;
			if (m)
				pixCountPixels(m, &on, NULL);
			l_float32 v = 255;
			if (t && (!page || (m && on * 4 >= w / 4 * (h / 4))) &&
			    pixGetRankValueMasked(t, m, 0, 0, 4, 0.7f, &v, NULL) == 0 && v < low)
				low = lept_roundftoi(v); /* as pixGetRankValue */
			pixDestroy(&t);
			pixDestroy(&m);
		}
	pixDestroy(&page);
	return low;
}

/* The dark margins of a page fed askew (the scanner's lid showing in the
 * corners), and any dark band along the page's edge: ink that touches the
 * edge, wiped to white. Returns the mask of what was wiped (NULL: none). */
static PIX *wipe_edges(PIX *g)
{
	PIX *bin = pixThresholdToBinary(g, 128);
	PIX *edge = bin ? pixExtractBorderConnComps(bin, 8) : NULL;
	pixDestroy(&bin);
	if (!edge)
		return NULL;
	PIX *wide = pixDilateBrick(NULL, edge, 5, 5);
	pixDestroy(&edge);
	if (wide)
		pixSetMasked(g, wide, 255);
	return wide;
}

/* The page's rules one way (across when across, else up and down) at
 * least len pixels long, as connected parts (*parts) and their boxes:
 * the ink under 215 (a scan's thin, light rules), the gaps noise leaves
 * along them closed. NULL when none. */
static BOXA *rule_parts(PIX *g, bool across, int len, PIXA **parts)
{
	PIX *bin = pixThresholdToBinary(g, 215);
	PIX *c = bin ? pixCloseBrick(NULL, bin, across ? 7 : 1, across ? 1 : 7) : NULL;
	PIX *o = c ? pixOpenBrick(NULL, c, across ? len : 1, across ? 1 : len) : NULL;
	BOXA *boxes = o ? pixConnComp(o, parts, 8) : NULL;
	pixDestroy(&o);
	pixDestroy(&c);
	pixDestroy(&bin);
	return boxes;
}

/* The slant of the page's vertical rules once it is level (x moved per
 * row, as a median over the long rules): a page photographed at an angle
 * is level along its lines but its columns lean. 0 when the page has fewer
 * than UPRIGHT_RULES such rules. */
static double rule_slant(PIX *g, int dpi)
{
	PIXA *parts = NULL;
	BOXA *boxes = rule_parts(g, false, dpi / 6, &parts);
	double slant[64];
	int n = 0;
	for (int i = 0; boxes && i < boxaGetCount(boxes) && n < 64; i++) {
		int bx, by, bw, bh;
		boxaGetBoxGeometry(boxes, i, &bx, &by, &bw, &bh);
		if (bh < dpi || bw > bh / 8)
			continue;
		PIX *part = pixaGetPix(parts, i, L_CLONE);
		l_float32 top = 0, bottom = 0, ya = 0, yb = 0;
		int band = bh / 8;
		BOX *a = boxCreate(0, 0, bw, band), *b = boxCreate(0, bh - band, bw, band);
		PIX *pa = pixClipRectangle(part, a, NULL), *pb = pixClipRectangle(part, b, NULL);
		if (pa && pb && pixCentroid(pa, NULL, NULL, &top, &ya) == 0 &&
		    pixCentroid(pb, NULL, NULL, &bottom, &yb) == 0)
			slant[n++] = (bottom - top) / (double)(bh - band);
		pixDestroy(&pa);
		pixDestroy(&pb);
		boxDestroy(&a);
		boxDestroy(&b);
		pixDestroy(&part);
	}
	boxaDestroy(&boxes);
	pixaDestroy(&parts);
	if (n < UPRIGHT_RULES)
		return 0;
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && slant[j - 1] > slant[j]; j--) {
			double x = slant[j];
			slant[j] = slant[j - 1];
			slant[j - 1] = x;
		}
	return slant[n / 2];
}

/* The page with its columns stood upright: sheared along its lines by the
 * slant of its vertical rules, when they lean more than SLANT_MIN (a
 * ruled table photographed, not scanned). */
static PIX *unshear(PIX *g, int dpi)
{
	double s = rule_slant(g, dpi);
	if (fabs(s) < SLANT_MIN || fabs(s) > SLANT_MAX)
		return g;
	PIX *u = pixHShearCenter(NULL, g, (l_float32)atan(s), L_BRING_IN_WHITE);
	if (!u)
		return g;
	pixDestroy(&g);
	return u;
}

/* A long horizontal rule of the page, followed: its centre's y at every
 * sample column it covers (NAN elsewhere), and its level (the median). */
struct bent_rule {
	float *y;
	float level;
};

static int cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;
	return x < y ? -1 : x > y;
}

static int cmp_rule(const void *a, const void *b)
{
	const struct bent_rule *x = a, *y = b;
	return x->level < y->level ? -1 : x->level > y->level;
}

/* The rule (a connected part at bx, by) followed: y of its centre at each
 * sample column; its level; how far it strays (the highest less the
 * lowest). */
static float follow_rule(PIX *part, int bx, int by, int step, int ns, struct bent_rule *r)
{
	int bw = pixGetWidth(part), bh = pixGetHeight(part), wpl = pixGetWpl(part), n = 0;
	l_uint32 *d = pixGetData(part);
	float *level = xmalloc((size_t)ns * sizeof *level), lo = 1e9f, hi = -1e9f;
	r->y = xmalloc((size_t)ns * sizeof *r->y);
	for (int k = 0; k < ns; k++) {
		int x = k * step - bx, c = 0;
		long sum = 0;
		for (int y = 0; x >= 0 && x < bw && y < bh; y++)
			if (GET_DATA_BIT(d + (size_t)y * (size_t)wpl, x))
				c++, sum += y;
		r->y[k] = c ? (float)by + (float)sum / (float)c : NAN;
		if (c) {
			level[n++] = r->y[k];
			lo = r->y[k] < lo ? r->y[k] : lo;
			hi = r->y[k] > hi ? r->y[k] : hi;
		}
	}
	qsort(level, (size_t)n, sizeof *level, cmp_float);
	r->level = n ? level[n / 2] : 0;
	free(level);
	return n ? hi - lo : 0;
}

/* How far the rule lies from its level at sample k: its nearest sample's
 * when it does not reach k. */
static float rule_off(const struct bent_rule *r, int k, int ns)
{
	for (int j = 0; j < ns; j++) {
		if (k - j >= 0 && !isnan(r->y[k - j]))
			return r->y[k - j] - r->level;
		if (k + j < ns && !isnan(r->y[k + j]))
			return r->y[k + j] - r->level;
	}
	return 0;
}

/* The page's long horizontal rules, followed (at most max); their count. */
static int long_rules(PIX *g, int dpi, int step, int ns, struct bent_rule *r, int max, float *stray)
{
	PIXA *parts = NULL;
	BOXA *boxes = rule_parts(g, true, dpi / 6, &parts);
	int n = 0, widest = 0, bx, by, bw, bh;
	for (int i = 0; boxes && i < boxaGetCount(boxes); i++) {
		boxaGetBoxGeometry(boxes, i, &bx, &by, &bw, &bh);
		widest = bw > widest ? bw : widest;
	}
	*stray = 0;
	for (int i = 0; boxes && i < boxaGetCount(boxes) && n < max; i++) {
		boxaGetBoxGeometry(boxes, i, &bx, &by, &bw, &bh);
		if (bw < 2 * dpi || bw * 2 < widest || bh > dpi / 3)
			continue;
		PIX *part = pixaGetPix(parts, i, L_CLONE);
		float s = follow_rule(part, bx, by, step, ns, &r[n++]);
		*stray = s > *stray ? s : *stray;
		pixDestroy(&part);
	}
	boxaDestroy(&boxes);
	pixaDestroy(&parts);
	qsort(r, (size_t)n, sizeof *r, cmp_rule);
	return n;
}

/* How far (pixels, down) the page's column at sample k is moved at line
 * y: the nearest rules' offsets there, weighed by nearness. */
static float column_off(const struct bent_rule *r, int n, int k, int ns, int y)
{
	if (y <= r[0].level)
		return rule_off(&r[0], k, ns);
	for (int i = 0; i + 1 < n; i++)
		if (y < r[i + 1].level) {
			float a = rule_off(&r[i], k, ns), b = rule_off(&r[i + 1], k, ns);
			float t = ((float)y - r[i].level) / (r[i + 1].level - r[i].level);
			return a + (b - a) * t;
		}
	return rule_off(&r[n - 1], k, ns);
}

/* The page with its bent rules laid level (BEND_MIN): g itself when they
 * are level already. */
static PIX *unbend(PIX *g, int dpi)
{
	int w = pixGetWidth(g), h = pixGetHeight(g), step = dpi / BEND_STEP;
	int ns = w / step + 1, n;
	struct bent_rule r[BEND_MAX];
	float stray;
	n = long_rules(g, dpi, step, ns, r, BEND_MAX, &stray);
	PIX *u = NULL;
	if (n >= BEND_RULES && stray * BEND_MIN >= (float)dpi)
		u = pixCreate(w, h, 8);
	if (u) {
		pixSetAll(u);
		l_uint32 *src = pixGetData(g), *dst = pixGetData(u);
		int wpl = pixGetWpl(g);
		float *off = xmalloc((size_t)ns * sizeof *off);
		for (int y = 0; y < h; y++) {
			for (int k = 0; k < ns; k++)
				off[k] = column_off(r, n, k, ns, y);
			for (int x = 0; x < w; x++) {
				int k = x / step;
				float t = (float)(x - k * step) / (float)step;
				float o = k + 1 < ns ? off[k] + (off[k + 1] - off[k]) * t : off[k];
				int sy = y + (int)lroundf(o);
				if (sy >= 0 && sy < h)
					SET_DATA_BYTE(
					        dst + (size_t)y * (size_t)wpl, x,
					        GET_DATA_BYTE(src + (size_t)sy * (size_t)wpl, x));
			}
		}
		free(off);
		pixCopyResolution(u, g);
	}
	for (int i = 0; i < n; i++)
		free(r[i].y);
	if (!u)
		return g;
	pixDestroy(&g);
	return u;
}

PIX *ocr_upright(PIX *raw, int dpi, int *turned)
{
	*turned = 0;
	PIX *g = pixCopy(NULL, raw);
	PIX *wiped = wipe_edges(g);
	int light = paper(g, wiped);
	pixDestroy(&wiped);
	if (light < PAPER_LEVEL) {
		/* tiles of a sixth of an inch: ink under 100 is not paper */
		PIX *n = pixBackgroundNorm(g, NULL, NULL, dpi / 6, dpi / 6, 100, dpi / 6 * dpi / 12,
		                           PAPER_TARGET, 2, 2);
		if (n) {
			pixDestroy(&g);
			g = n;
		}
	}
	/* Which way up: text lines read sideways or upside down give their
	 * ascenders and descenders the wrong way; a page whose test is unsure
	 * (a table with little text) is left as it is. */
	PIX *bin = pixThresholdToBinary(g, 128); /* at half the size it misjudges */
	l_float32 up = 0, left = 0;
	if (bin && pixOrientDetect(bin, &up, &left, 0, 0) == 0) {
		/* Leptonica's makeOrientDecision, without its messages */
		float au = up < 0 ? -up : up, al = left < 0 ? -left : left;
		PIX *r = NULL;
		if (up < -ORIENT_CONF && au > ORIENT_RATIO * al)
			r = pixRotate180(NULL, g), *turned = 2;
		else if (up <= ORIENT_CONF || au <= ORIENT_RATIO * al) {
			float ratio = up <= 0 ? ORIENT_WEAK : ORIENT_RATIO;
			if (left > ORIENT_CONF && al > ratio * au)
				r = pixRotate90(g, 1), *turned = 1;
			else if (left < -ORIENT_CONF && al > ratio * au)
				r = pixRotate90(g, -1), *turned = 3;
		}
		if (r) {
			pixDestroy(&g);
			g = r;
		}
	}
	pixDestroy(&bin);
	l_float32 angle = 0, conf = 0;
	PIX *level = pixFindSkewAndDeskew(g, 2, &angle, &conf);
	pixDestroy(&g);
	return level ? unbend(unshear(level, dpi), dpi)
	             : NULL; /* the corners turned in come in white */
}
