// The day list refreshes itself: every few seconds it asks for the list again and swaps it in when something
// changed (a checklist arrived, a text was delivered), unless someone is typing in it. Without JavaScript the page
// still works; it just does not refresh by itself.
(function () {
  const REFRESH_MS = 4000;
  function refresh() {
    const day = document.getElementById('day');
    if (!day || !day.dataset.refresh) return;
    if (day.contains(document.activeElement) && document.activeElement !== document.body) return;
    if (day.querySelector('details[open]')) return;
    fetch(day.dataset.refresh, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
      .then(r => (r.ok && !r.redirected) ? r.text() : null)
      .then(html => {
        if (!html) return;
        const next = new DOMParser().parseFromString(html, 'text/html').getElementById('day');
        if (next && next.innerHTML !== day.innerHTML) {
          day.innerHTML = next.innerHTML;
          day.dataset.refreshedAt = String(Date.now());
        }
      })
      .catch(() => {});
  }
  document.addEventListener('DOMContentLoaded', () => setInterval(refresh, REFRESH_MS));
})();
