// Manage images (admin). Placeholder until the dialog is built: the hook is wired from each card's menu.

export function openManageImages({ toast }) {
  toast('Managing images is coming soon.');
}

export function onManageEvent() {}
