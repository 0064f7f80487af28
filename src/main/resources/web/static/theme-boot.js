// Runs before first paint (a classic script, not a module) so a chosen theme never flashes.
(function () {
  try {
    var t = localStorage.getItem('ytv2.theme');
    if (t === 'light' || t === 'dark') document.documentElement.setAttribute('data-theme', t);
  } catch (e) { /* storage blocked: follow the system */ }
})();
