#!/usr/bin/env python3
"""make_pdfs.py OUTDIR - write small hand-made PDFs for the PDF tests and
the fuzz corpus: good ones (text, two pages with running header and page
footer, compressed) and one per bad class (encrypted, corrupt, truncated,
zero pages, image-only scan, page-count bomb, decompression bomb).
Deterministic; no PDF tool needed."""
import os, sys, zlib


def pdf(objs, trailer_extra=b''):
    """objs: list of bytes bodies for objects 1..n; returns the file."""
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offs = []
    for i, body in enumerate(objs, 1):
        offs.append(len(out))
        out += b'%d 0 obj\n' % i + body + b'\nendobj\n'
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offs:
        out += b'%010d 00000 n \n' % o
    out += (b'trailer\n<< /Size %d /Root 1 0 R ' % (len(objs) + 1) +
            trailer_extra + b'>>\nstartxref\n%d\n%%%%EOF\n' % x)
    return bytes(out)


def stream(data, compress=False, extra=b''):
    if compress:
        data = zlib.compress(data, 9)
        extra += b' /Filter /FlateDecode'
    return b'<< /Length %d%s >>\nstream\n' % (len(data), extra) + data + \
        b'\nendstream'


def text_ops(lines, y0=740, size=11, lead=14):
    ops = [b'BT /F1 %d Tf %d TL 72 %d Td' % (size, lead, y0)]
    for ln in lines:
        esc = ln.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)')
        ops.append(b'(' + esc.encode('latin-1') + b") '")
    ops.append(b'ET')
    return b'\n'.join(ops)


FONT = b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'


def doc(pages, compress=False, count=None, encrypt=False):
    """pages: list of content bytes. Objects: 1 catalog, 2 pages, 3 font,
    then page/content pairs."""
    n = len(pages)
    kids = b' '.join(b'%d 0 R' % (4 + 2 * i) for i in range(n))
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
            b'<< /Type /Pages /Kids [%s] /Count %d >>' % (kids, count if count is not None else n),
            FONT]
    for i, c in enumerate(pages):
        objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] '
                    b'/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>' % (5 + 2 * i))
        objs.append(stream(c, compress))
    extra = b''
    if encrypt:
        objs.append(b'<< /Filter /Standard /V 1 /R 2 /O <' + b'a5' * 32 +
                    b'> /U <' + b'3c' * 32 + b'> /P -4 >>')
        extra = (b'/Encrypt %d 0 R /ID [<00112233445566778899aabbccddeeff> '
                 b'<00112233445566778899aabbccddeeff>] ' % len(objs))
    return pdf(objs, extra)


LETTER = [
    'Independent Medical Review Final Determination Letter',
    '',
    'Case Number: CM15-0001234',
    'Date of Injury: 02/18/2009',
    '',
    'The applicant is a 50-year-old woman with chronic low back pain and',
    'myofascial trigger points in the lumbar paraspinal muscles, with a',
    'twitch response and referred pain documented on examination.',
]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)

    def w(name, data):
        with open(os.path.join(out, name), 'wb') as f:
            f.write(data)

    w('good_one_page.pdf', doc([text_ops(LETTER)]))
    pages = []
    for p in (1, 2):
        body = LETTER if p == 1 else LETTER[5:] + ['Physical therapy did not help.']
        pages.append(text_ops(['Acme Review Services 12/01/2014'], y0=770, size=8) +
                     b'\n' + text_ops(body) + b'\n' +
                     text_ops(['CM15-0001234 Page %d of 2' % p], y0=40, size=8))
    two = doc(pages, compress=True)
    w('good_two_pages_furniture.pdf', two)
    w('bad_encrypted.pdf', doc([text_ops(LETTER)], encrypt=True))
    w('bad_corrupt.pdf', b'%PDF-1.4\n' + bytes((i * 37 + 11) % 256 for i in range(600)))
    w('bad_truncated.pdf', two[:len(two) * 2 // 5])
    w('bad_zero_pages.pdf', pdf([b'<< /Type /Catalog /Pages 2 0 R >>',
                                 b'<< /Type /Pages /Kids [] /Count 0 >>']))
    img = bytes((x * 29 + y * 7) % 256 for y in range(32) for x in range(32))
    w('bad_image_only.pdf', pdf([
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] '
        b'/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
        stream(b'q 468 0 0 648 72 72 cm /Im1 Do Q'),
        stream(img, True, b' /Type /XObject /Subtype /Image /Width 32 '
               b'/Height 32 /ColorSpace /DeviceGray /BitsPerComponent 8')]))
    w('bad_bomb_pages.pdf', doc([text_ops(LETTER)], count=1000000))
    # 96 MiB of blanks in a content stream of about 100 KiB
    big = zlib.compressobj(9)
    z = b''.join(big.compress(b' ' * (1 << 20)) for _ in range(96)) + big.flush()
    w('bad_bomb_inflate.pdf', pdf([
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
        b'<< /Length %d /Filter /FlateDecode >>\nstream\n' % len(z) + z +
        b'\nendstream']))


main()
