'use client';

import { usePathname } from 'next/navigation';
import { type MouseEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';

export type Disclosure = {
  isOpen: boolean;
  panelId: string;
  buttonRef: RefObject<HTMLButtonElement | null>;
  rootRef: RefObject<HTMLDivElement | null>;
  toggle: () => void;
  /** For a click inside the panel, so following a link closes the menu at once (before the route changes). */
  closeOnLink: (event: MouseEvent) => void;
};

/**
 * A button that shows and hides a panel (the WAI-ARIA disclosure pattern): the button carries
 * aria-expanded and aria-controls, Escape closes the panel and gives focus back to the button,
 * and a click outside `rootRef` or a move to another page closes it, so a menu never stays open
 * over the page it led to.
 */
export function useDisclosure(): Disclosure {
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const pathname = usePathname();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the effect of a new pathname.
  useEffect(() => setIsOpen(false), [pathname]);

  useEffect(() => {
    if (!isOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      buttonRef.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [isOpen]);

  return {
    isOpen,
    panelId,
    buttonRef,
    rootRef,
    toggle: () => setIsOpen((open) => !open),
    closeOnLink: (event) => {
      if ((event.target as Element).closest('a')) setIsOpen(false);
    },
  };
}
