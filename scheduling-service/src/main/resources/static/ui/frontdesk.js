// A little JavaScript to make the pages feel alive; every page works without it.
// - Lists marked data-refresh (the day, the inbox) ask for themselves again every few seconds and swap in what
//   changed (a checklist arrived, a text was delivered, a patient replied), unless someone is working in them.
// - The booking form previews its sessions as it changes.
(function () {
  const REFRESH_MS = 4000;

  function refresh(list) {
    if (list.contains(document.activeElement) && document.activeElement !== document.body) return;
    if (list.querySelector('details[open]')) return;
    fetch(list.dataset.refresh, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
      .then(r => (r.ok && !r.redirected) ? r.text() : null)
      .then(html => {
        if (!html) return;
        const next = new DOMParser().parseFromString(html, 'text/html').getElementById(list.id);
        if (next && next.innerHTML !== list.innerHTML) {
          list.innerHTML = next.innerHTML;
          list.dataset.refreshedAt = String(Date.now());
        }
      })
      .catch(() => {});
  }

  function livePreview(form) {
    let timer = null;
    let asked = 0;
    const showMode = () => {
      const dates = form.querySelector('input[name=mode][value=dates]').checked;
      form.querySelector('.mode-pattern').classList.toggle('inactive', dates);
      form.querySelector('.mode-dates').classList.toggle('inactive', !dates);
    };
    const preview = () => {
      const ask = ++asked;
      fetch(form.dataset.preview, {method: 'POST', body: new FormData(form), credentials: 'same-origin'})
        .then(r => (r.ok && !r.redirected) ? r.text() : null)
        .then(html => {
          if (!html || ask !== asked) return; // a later change is on its way
          const next = new DOMParser().parseFromString(html, 'text/html').getElementById('preview');
          const current = document.getElementById('preview');
          if (next && current) current.innerHTML = next.innerHTML;
        })
        .catch(() => {});
    };
    const changed = () => {
      showMode();
      clearTimeout(timer);
      timer = setTimeout(preview, 350);
    };
    form.addEventListener('input', changed);
    form.addEventListener('change', changed);
    showMode();
    if (!document.querySelector('#preview .preview-list')) preview();
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-refresh]').forEach(list => setInterval(() => refresh(list), REFRESH_MS));
    const booking = document.getElementById('booking');
    if (booking && booking.dataset.preview) livePreview(booking);
    const summary = document.getElementById('error-summary');
    if (summary) summary.focus();
  });
})();
