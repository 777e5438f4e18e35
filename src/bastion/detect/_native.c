/* bastion.detect._native: the classifier's scoring kernel in C (optional; numpy does the same
 * when this module is not built). See InjectionClassifier._native_logits for the contract.
 *
 * window_terms(raw, char_rows, sizes, char_bits, word_rows, word_lut, salt_w1, salt_w2,
 *              word_bits, char_pairs, word_pairs, st, en, out_attack, out_jailbreak)
 *
 *   raw         bytes: the normalised, lower-cased text as UTF-8
 *   char_rows   uint32[max_k * 256]: row j holds T[j][byte] with the n-gram salts folded in
 *               (the running XOR after k rows is the salted k-gram hash)
 *   sizes       bit mask of the character n-gram sizes that are features (bit k: size k)
 *   word_rows   uint32[32 * 256]: T[8 + offset % 32][byte] for bytes inside words
 *   word_lut    uint8[256]: 1 for bytes that belong to words
 *   char_pairs  float32[2 << char_bits]: per bucket, attack weight then jailbreak weight
 *   word_pairs  float32[2 << word_bits]: the same for word unigram and bigram buckets
 *   st, en      int64[nwin]: window bounds in bytes (0 <= st <= en)
 *   out_*       float64[nwin], written: per window, the head's character term plus word term,
 *               sum(w) / sqrt(count) over the n-grams that start in the window (0 when none)
 *
 * Buckets: id = (h * 0x9E3779B1 mod 2**32) >> (32 - bits). A word is a maximal run of word
 * bytes; its hash is the XOR of word_rows[(offset % 32) * 256 + byte]; the unigram hashes
 * hash ^ salt_w1, the bigram of words j, j+1 hashes rotl(hash[j+1], 13) ^ hash[j] ^ salt_w2, both
 * located at word j's first byte. Sums are accumulated in double. The GIL is released while
 * the kernel runs. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ABI_VERSION 1
#define MIX 0x9E3779B1u
#define MAX_K 8

static int need(Py_buffer *b, Py_ssize_t itemsize, Py_ssize_t count, const char *what)
{
    if (b->len != itemsize * count) {
        PyErr_Format(PyExc_ValueError, "_native.window_terms: %s has %zd bytes, expected %zd", what, b->len,
                     itemsize * count);
        return 0;
    }
    return 1;
}

static Py_ssize_t lower_bound(const int64_t *a, Py_ssize_t n, int64_t x)
{
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = lo + (hi - lo) / 2;
        if (a[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* returns 0 on success, -1 when memory ran out */
static int kernel(const uint8_t *b, Py_ssize_t n, const uint32_t *char_rows, int max_k, unsigned sizes,
                  int char_bits, const uint32_t *word_rows, const uint8_t *lut, uint32_t salt_w1, uint32_t salt_w2,
                  int word_bits, const float *cp, const float *wp, const int64_t *st, const int64_t *en,
                  Py_ssize_t nwin, double *out_a, double *out_j)
{
    const unsigned cshift = 32u - (unsigned)char_bits, wshift = 32u - (unsigned)word_bits;
    double *ca = NULL, *cj = NULL, *wa = NULL, *wj = NULL;
    int64_t *wstart = NULL;
    uint32_t *wh = NULL;
    Py_ssize_t nw = 0, i;
    int k, rc = -1;

    ca = calloc((size_t)n + 1, sizeof(double));
    cj = calloc((size_t)n + 1, sizeof(double));
    /* a word starts at most every second byte */
    wstart = malloc(((size_t)n / 2 + 1) * sizeof(int64_t));
    wh = malloc(((size_t)n / 2 + 1) * sizeof(uint32_t));
    if (!ca || !cj || !wstart || !wh)
        goto done;

    /* character n-grams: prefix sums of the weights of the n-grams that start at each byte */
    if (n >= 2 && max_k >= 2) {
        for (i = 0; i < n; i++) {
            uint32_t g = char_rows[b[i]];
            double sa = 0.0, sj = 0.0;
            for (k = 2; k <= max_k && i + k <= n; k++) {
                g ^= char_rows[(size_t)(k - 1) * 256 + b[i + k - 1]];
                if (sizes & (1u << k)) {
                    uint32_t id = (uint32_t)(g * MIX) >> cshift;
                    sa += cp[2 * (size_t)id];
                    sj += cp[2 * (size_t)id + 1];
                }
            }
            ca[i + 1] = ca[i] + sa;
            cj[i + 1] = cj[i] + sj;
        }
    }
    /* words */
    for (i = 0; i < n;) {
        if (!lut[b[i]]) {
            i++;
            continue;
        }
        Py_ssize_t s = i;
        uint32_t h = 0;
        while (i < n && lut[b[i]]) {
            h ^= word_rows[(size_t)((i - s) & 31) * 256 + b[i]];
            i++;
        }
        wstart[nw] = (int64_t)s;
        wh[nw] = h;
        nw++;
    }
    wa = calloc((size_t)nw + 1, sizeof(double));
    wj = calloc((size_t)nw + 1, sizeof(double));
    if (!wa || !wj)
        goto done;
    for (i = 0; i < nw; i++) {
        uint32_t u = (uint32_t)((wh[i] ^ salt_w1) * MIX) >> wshift;
        double sa = wp[2 * (size_t)u], sj = wp[2 * (size_t)u + 1];
        if (i + 1 < nw) {
            uint32_t nx = wh[i + 1];
            uint32_t bh = (uint32_t)((((nx << 13) | (nx >> 19)) ^ wh[i] ^ salt_w2) * MIX) >> wshift;
            sa += wp[2 * (size_t)bh];
            sj += wp[2 * (size_t)bh + 1];
        }
        wa[i + 1] = wa[i] + sa;
        wj[i + 1] = wj[i] + sj;
    }
    /* windows */
    for (Py_ssize_t w = 0; w < nwin; w++) {
        int64_t s = st[w], e = en[w];
        double ta = 0.0, tj = 0.0;
        if (s < 0)
            s = 0;
        if (e > (int64_t)n)
            e = (int64_t)n;
        if (e > s && n >= 2 && max_k >= 2) {
            int64_t c = 0;
            for (k = 2; k <= max_k; k++) {
                if (sizes & (1u << k)) {
                    int64_t last = (int64_t)n - k + 1; /* n-grams of size k start before this */
                    int64_t hi = e < last ? e : last;
                    if (hi > s)
                        c += hi - s;
                }
            }
            if (c > 0) {
                /* the prefix sums add every size; clip to where the longest size still starts */
                double q = sqrt((double)c);
                ta += (ca[e] - ca[s]) / q;
                tj += (cj[e] - cj[s]) / q;
            }
        }
        if (nw) {
            Py_ssize_t j0 = lower_bound(wstart, nw, s), j1 = lower_bound(wstart, nw, e);
            int64_t c = (int64_t)(j1 - j0) * 2 - (j1 == nw) + (j0 == nw);
            if (c > 0) {
                double q = sqrt((double)c);
                ta += (wa[j1] - wa[j0]) / q;
                tj += (wj[j1] - wj[j0]) / q;
            }
        }
        out_a[w] = ta;
        out_j[w] = tj;
    }
    rc = 0;
done:
    free(ca);
    free(cj);
    free(wa);
    free(wj);
    free(wstart);
    free(wh);
    return rc;
}

static PyObject *window_terms(PyObject *self, PyObject *args)
{
    Py_buffer raw = {0}, crow = {0}, wrow = {0}, lut = {0}, cp = {0}, wp = {0}, st = {0}, en = {0}, oa = {0},
              oj = {0};
    unsigned int sizes, salt_w1, salt_w2;
    int char_bits, word_bits, max_k = 0, k, rc = 0;
    PyObject *result = NULL;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*y*Iiy*y*IIiy*y*y*y*w*w*", &raw, &crow, &sizes, &char_bits, &wrow, &lut,
                          &salt_w1, &salt_w2, &word_bits, &cp, &wp, &st, &en, &oa, &oj))
        return NULL;
    for (k = 0; k <= MAX_K; k++)
        if (sizes & (1u << k))
            max_k = k;
    if (sizes >> (MAX_K + 1) || (sizes & 3u)) {
        PyErr_SetString(PyExc_ValueError, "_native.window_terms: n-gram sizes must lie in 2..8");
        goto out;
    }
    if (char_bits < 1 || char_bits > 30 || word_bits < 1 || word_bits > 30) {
        PyErr_SetString(PyExc_ValueError, "_native.window_terms: bucket bits must lie in 1..30");
        goto out;
    }
    Py_ssize_t nwin = st.len / (Py_ssize_t)sizeof(int64_t);
    if (!need(&crow, 4, (Py_ssize_t)(max_k > 0 ? max_k : 1) * 256, "char_rows") || !need(&wrow, 4, 32 * 256, "word_rows") ||
        !need(&lut, 1, 256, "word_lut") || !need(&cp, 4, (Py_ssize_t)2 << char_bits, "char_pairs") ||
        !need(&wp, 4, (Py_ssize_t)2 << word_bits, "word_pairs") || !need(&st, 8, nwin, "st") ||
        !need(&en, 8, nwin, "en") || !need(&oa, 8, nwin, "out_attack") || !need(&oj, 8, nwin, "out_jailbreak"))
        goto out;
    for (Py_ssize_t w = 0; w < nwin; w++) {
        const int64_t *s = st.buf, *e = en.buf;
        if (s[w] < 0 || e[w] < s[w]) {
            PyErr_SetString(PyExc_ValueError, "_native.window_terms: windows need 0 <= st <= en");
            goto out;
        }
    }
    Py_BEGIN_ALLOW_THREADS
    rc = kernel(raw.buf, raw.len, crow.buf, max_k, sizes, char_bits, wrow.buf, lut.buf, (uint32_t)salt_w1,
                (uint32_t)salt_w2, word_bits, cp.buf, wp.buf, st.buf, en.buf, nwin, oa.buf, oj.buf);
    Py_END_ALLOW_THREADS
    if (rc != 0) {
        PyErr_NoMemory();
        goto out;
    }
    Py_INCREF(Py_None);
    result = Py_None;
out:
    PyBuffer_Release(&raw);
    PyBuffer_Release(&crow);
    PyBuffer_Release(&wrow);
    PyBuffer_Release(&lut);
    PyBuffer_Release(&cp);
    PyBuffer_Release(&wp);
    PyBuffer_Release(&st);
    PyBuffer_Release(&en);
    PyBuffer_Release(&oa);
    PyBuffer_Release(&oj);
    return result;
}

static PyMethodDef methods[] = {
    {"window_terms", window_terms, METH_VARARGS, "The classifier's per-window n-gram terms (see the module source)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "bastion.detect._native", "bastion's optional C scoring kernel.", -1, methods, NULL, NULL,
    NULL, NULL,
};

PyMODINIT_FUNC PyInit__native(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m && PyModule_AddIntConstant(m, "ABI_VERSION", ABI_VERSION) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
