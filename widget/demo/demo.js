// demo.js: the clock of loket serve's demo page. It sets the now
// attribute of every <loket-availability> on the page to the instant
// given in the form (or in the page's ?now= parameter), or removes it for
// the current time: the widgets render again when it changes.
const form = document.getElementById('clock');
const input = document.getElementById('now');

function show(now) {
  for (const w of document.querySelectorAll('loket-availability')) {
    if (now) w.setAttribute('now', now);
    else w.removeAttribute('now');
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  show(input.value.trim());
});
document.getElementById('live').addEventListener('click', () => {
  input.value = '';
  show('');
});

const given = new URLSearchParams(location.search).get('now');
if (given) {
  input.value = given;
  show(given);
}
