import type { ReactNode } from 'react';
import './guides.css';

export default function GuidesLayout({ children }: { children: ReactNode }) {
  return children;
}
