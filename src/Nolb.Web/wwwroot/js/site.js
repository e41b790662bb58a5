// Progressive enhancement only: every page works without this file.
// The design system's module sets window.DS; initialise its components once the page has loaded.
window.addEventListener('DOMContentLoaded', () => {
  if (window.DS && typeof window.DS.initAll === 'function') {
    window.DS.initAll();
  }

  // A result drawn after a form post (Better Off In Work's answer) takes focus, so the reader starts at the answer.
  const focusTarget = document.querySelector('[data-nolb-focus]');
  if (focusTarget) {
    focusTarget.focus();
  }
});
