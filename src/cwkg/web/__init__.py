"""`cwkg serve`'s site: a question box, the canned queries as forms, answers as tables linking to the document
view with the quoted sentence singled out, and the network and timeline views, served live from the store.

Architecture, and why:

- **A standard-library WSGI app** (`app.Site`, served by `wsgiref` with a thread per request, `serving`), not a
  web framework: a handful of GET pages and one form need routing by path and escaping, not templates,
  sessions or middleware; no dependency is added, and a WSGI callable can be tested by calling it, without a socket.
- **In cwkg's own process, on its own port** (default: the SPARQL port + 1). Oxigraph's server keeps its port and
  URL paths (`/query`, `/update`, `/store`), untouched; the site proxies nothing to it. Putting both behind one
  port would mean proxying every SPARQL request through Python, slowing the endpoint and adding a failure mode.
- **It reads the store itself, read-only** (`reading.Snapshots`: pyoxigraph's read-only open, which takes no
  lock), through the same functions as the command line: `cwkg.ask.ask` for the question box,
  `queries.runner.run` for the forms, the views' `read_*`/`render_*` for pages. Asking Oxigraph over HTTP would
  give the same answers, slower, and the views read an embedded store. With `--writable` the endpoint may change
  the store, so each request then opens a fresh snapshot (about 20 ms); otherwise one snapshot serves all.
- **Started and stopped with the Oxigraph child** (`serving.run`): Ctrl-C, SIGTERM and SIGHUP stop both, and on
  Linux the kernel ends Oxigraph if cwkg is killed outright, so no server outlives `cwkg serve`.
- **Every value put into HTML is escaped** (`views.page.escape`; URLs built with `urllib.parse`), pages carry a
  Content-Security-Policy, and requests whose Host is not the address served are refused (DNS rebinding), so
  names, quotes and questions from the records or the visitor cannot become markup. It binds to 127.0.0.1
  unless told otherwise (`--bind`), like the endpoint.
- **plotly.js is served once**, at `/assets/plotly.min.js` (cacheable), and the network and timeline pages load
  it from there (the policy allows scripts of the site's own origin) rather than carrying 4.8 MB each.
"""
