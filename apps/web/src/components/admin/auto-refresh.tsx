'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/** Re-renders the server page every `seconds` while on, so the numbers stay current without a reload. */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  const [isOn, setIsOn] = useState(true);
  useEffect(() => {
    if (!isOn) return;
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [isOn, seconds, router]);
  return (
    <label className="auto-refresh small muted">
      <input
        type="checkbox"
        checked={isOn}
        onChange={(event) => setIsOn(event.target.checked)}
        data-testid="auto-refresh"
      />{' '}
      Refresh every {seconds} s
    </label>
  );
}
