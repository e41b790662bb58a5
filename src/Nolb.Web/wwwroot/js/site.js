// Progressive enhancement only: every page works without this file.
// The design system's module sets window.DS; initialise its components once the page has loaded.
window.addEventListener('DOMContentLoaded', () => {
  if (window.DS && typeof window.DS.initAll === 'function') {
    window.DS.initAll();
  }
});
