"""Labels that stay apart on a plotly scatter: the page, not Python, knows how wide a word is drawn and where a
point lands at the current zoom, so the placing is a script. Points are labelled in the order given (the most
connected first); each label takes the first of four places around its point (above, below, right, left) that
stays inside the frame and clear of every point and every label already placed, else the point goes unlabelled
(its name is still on hover). What was drawn is then measured, and a label that still touches another or the
frame's edge (a font wider than measured) is dropped. Placing again on every zoom or pan shows more names as
room is made."""

FONT_SIZE = 10
FONT_FAMILY = "Helvetica, Arial, sans-serif"

SCRIPT = r"""
function cwkgPlaceLabels(gd, traceIndex, items) {
  var full = gd._fullLayout;
  if (!full || !full.xaxis || !full.yaxis) return Promise.resolve();
  var xa = full.xaxis, ya = full.yaxis, W = full._size.w, H = full._size.h, size = %(size)d;
  var canvas = cwkgPlaceLabels.canvas || (cwkgPlaceLabels.canvas = document.createElement('canvas'));
  var ctx = canvas.getContext('2d');
  ctx.font = size + 'px ' + %(family)s;
  function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }
  var centres = items.map(function (it) { return [xa.l2p(it.x), ya.l2p(it.y)]; });
  var taken = items.map(function (it, i) { var r = it.size / 2; return [centres[i][0] - r, centres[i][1] - r, centres[i][0] + r, centres[i][1] + r]; });
  function free(box, own) {
    if (box[0] < 2 || box[1] < 2 || box[2] > W - 2 || box[3] > H - 2) return false;
    for (var i = 0; i < taken.length; i++) if (i !== own && overlaps(box, taken[i])) return false;
    return true;
  }
  var text = [], where = [];
  items.forEach(function (it, i) {
    text.push(''); where.push('top center');
    if (!it.label) return;
    var x = centres[i][0], y = centres[i][1], off = it.size / 2 / 0.8 + 2, w = ctx.measureText(it.label).width + 4, h = size + 5;
    var places = [['top center', [x - w / 2, y - off - h, x + w / 2, y - off]], ['bottom center', [x - w / 2, y + off, x + w / 2, y + off + h]],
                  ['middle right', [x + off, y - h / 2, x + off + w, y + h / 2]], ['middle left', [x - off - w, y - h / 2, x - off, y + h / 2]]];
    for (var k = 0; k < places.length; k++) {
      if (free(places[k][1], i)) { text[i] = it.label; where[i] = places[k][0]; taken.push(places[k][1]); break; }
    }
  });
  return Plotly.restyle(gd, {text: [text], textposition: [where]}, [traceIndex]).then(function () {
    var frame = gd.querySelector('.nsewdrag').getBoundingClientRect(), kept = [], dropped = false;
    var trace = gd.querySelectorAll('.scatterlayer .trace')[traceIndex];
    if (!trace) return null;
    Array.prototype.forEach.call(trace.querySelectorAll('g.textpoint'), function (g, n) {
      var t = g.querySelector('text'), i = g.__data__ && g.__data__.i != null ? g.__data__.i : n;
      if (!t || !t.textContent) return;
      var r = t.getBoundingClientRect(), box = [r.left, r.top, r.right, r.bottom];
      var inside = box[0] >= frame.left && box[1] >= frame.top && box[2] <= frame.right && box[3] <= frame.bottom;
      if (!inside || kept.some(function (k) { return overlaps(box, k); })) { text[i] = ''; dropped = true; } else kept.push(box);
    });
    return dropped ? Plotly.restyle(gd, {text: [text]}, [traceIndex]) : null;
  });
}
""" % {"size": FONT_SIZE, "family": repr(FONT_FAMILY)}
