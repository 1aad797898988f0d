// A little JavaScript to make the pages feel alive; every page works without it.
// - Lists marked data-refresh (the day, the inbox) ask for themselves again every few seconds and swap in what
//   changed (a checklist arrived, a text was delivered, a patient replied), unless someone is working in them.
// - The booking form previews its sessions as it changes.
// - The text editor previews the text and says why it would be refused as one types.
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

  // asks the server (the one place texts are worded and checked) and swaps in the preview and the refusals
  function textPreview(form) {
    let timer = null;
    let asked = 0;
    const preview = () => {
      const ask = ++asked;
      fetch(form.dataset.preview, {method: 'POST', body: new FormData(form), credentials: 'same-origin'})
        .then(r => (!r.redirected && (r.ok || r.status === 422)) ? r.text() : null)
        .then(html => {
          if (!html || ask !== asked) return;
          const next = new DOMParser().parseFromString(html, 'text/html');
          ['preview', 'template-error'].forEach(id => {
            const fresh = next.getElementById(id);
            const current = document.getElementById(id);
            if (fresh && current) current.innerHTML = fresh.innerHTML;
          });
          const refused = document.querySelectorAll('#template-error li').length > 0;
          form.querySelector('.field').classList.toggle('invalid', refused);
          form.querySelector('textarea').setAttribute('aria-invalid', String(refused));
        })
        .catch(() => {});
    };
    form.querySelector('textarea').addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(preview, 250);
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const editor = document.getElementById('text-editor');
    if (editor && editor.dataset.preview) textPreview(editor);
    document.querySelectorAll('[data-refresh]').forEach(list => setInterval(() => refresh(list), REFRESH_MS));
    const booking = document.getElementById('booking');
    if (booking && booking.dataset.preview) livePreview(booking);
    const summary = document.getElementById('error-summary');
    if (summary) summary.focus();
  });
})();
