// Writes the site's service worker (sw.js) with Workbox: `node scripts/service-worker.mjs SITE_DIR`.
// Called by cpguide/publish.py after every build. Workbox's runtime is inlined into sw.js, so the
// worker loads nothing from another host; it only ever handles requests to the site itself.
//
// - Precached when the worker installs: Material's style sheets and bundle, which every page uses.
//   Their file names carry their hash, so the copy the browser has just fetched is reused: the
//   worker adds almost nothing to a first visit. Nothing that grows with the number of authorities.
//   The site's own small scripts and styles are kept as they are fetched, and with an authority's
//   pages (cpguide/publish.py's offline lists).
// - Pages: network first (a visit online always gets the current page, and keeps it), the saved
//   copy when there is no signal, else the page about using the site without signal (it says the
//   page asked for is not kept, and lists what is).
// - The site's own files (assets, data, the offline lists): network first too, so updates arrive
//   on the next visit online. The search index is never kept (it is fetched per query).
import path from "node:path";
import { generateSW } from "workbox-build";

const site = process.argv[2];
if (!site) {
  console.error("usage: node scripts/service-worker.mjs SITE_DIR");
  process.exit(2);
}

const { count, size, warnings } = await generateSW({
  globDirectory: site,
  globPatterns: ["assets/stylesheets/*.min.css", "assets/javascripts/bundle.*.min.js"],
  dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(js|css)$/,
  swDest: path.join(site, "sw.js"),
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
  skipWaiting: true,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  navigateFallback: null,
  runtimeCaching: [
    {
      urlPattern: ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
      handler: "NetworkFirst",
      options: {
        cacheName: "cpguide-pages",
        networkTimeoutSeconds: 6,
        matchOptions: { ignoreSearch: true },
        plugins: [{
          // Ask the site, not the browser's HTTP cache, so that updates arrive at the next visit online
          // (Workbox does not apply fetchOptions to navigations). Folder URLs only: the site's pages.
          requestWillFetch: async ({ request }) => (request.mode === "navigate" && request.url.endsWith("/")
            ? new Request(request.url, { cache: "no-cache", credentials: "same-origin", headers: request.headers })
            : request),
          // Not kept and no signal: the page that says so and lists what is kept (at its own address,
          // so its relative links work).
          handlerDidError: async ({ request }) => {
            const page = new URL("about/offline/", self.registration.scope);
            if (new URL(request.url).pathname === page.pathname) return undefined; // not kept either
            // A code, not the address asked for: that page shows only its own words (offline.mjs)
            return Response.redirect(`${page.href}?missing=page`, 302);
          },
        }],
      },
    },
    {
      urlPattern: ({ url, sameOrigin }) => sameOrigin && !url.pathname.includes("/pagefind/")
        && /\.(?:js|mjs|css|json|svg|png|ico|webmanifest)$/.test(url.pathname),
      handler: "NetworkFirst",
      options: { cacheName: "cpguide-files", networkTimeoutSeconds: 6, fetchOptions: { cache: "no-cache" } },
    },
  ],
});
for (const warning of warnings) console.error(`workbox: ${warning}`);
console.log(`service worker: ${count} files precached, ${(size / 1024).toFixed(1)} KB`);
