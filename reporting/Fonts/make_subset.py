"""Subset WenQuanYi Micro Hei (face 0 of wqy-microhei.ttc) to GB2312, all CJK Unified Ideographs, ASCII and common punctuation."""
import sys
from fontTools.ttLib import TTCollection
from fontTools import subset

src, dst = sys.argv[1], sys.argv[2]
chars = set(chr(c) for c in range(0x20, 0x7F))
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
# Every CJK Unified Ideograph the face has (U+4E00-U+9FFF: 20,932): names outside GB2312 print, and the character map
# keeps the block as one segment, which PDFsharp (a linear search over segments) looks up fast.
chars.update(chr(c) for c in range(0x4E00, 0xA000))
# Latin-1, general punctuation, arrows, math, box, CJK symbols, fullwidth forms
for lo, hi in [(0xA0, 0xFF), (0x2000, 0x206F), (0x2190, 0x21FF), (0x2200, 0x22FF),
               (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x27BF),
               (0x3000, 0x303F), (0xFF00, 0xFFEF)]:
    chars.update(chr(c) for c in range(lo, hi + 1))

font = TTCollection(src).fonts[0]
options = subset.Options()
options.name_IDs = ["*"]
options.name_languages = ["*"]
options.notdef_outline = True
options.layout_features = ["*"]
options.hinting = False
options.glyph_names = False
sub = subset.Subsetter(options)
sub.populate(text="".join(chars))
sub.subset(font)
font.save(dst)
cmap = font.getBestCmap()
print("requested", len(chars), "mapped", sum(1 for c in chars if ord(c) in cmap))
