import type { ReactNode } from 'react';
import { BrandMark } from './BrandMark';
import './StatusScreen.css';

interface StatusScreenProps {
  title: string;
  detail?: string;
  children?: ReactNode;
}

export function StatusScreen({ title, detail, children }: StatusScreenProps) {
  return (
    <main className="status-screen" aria-busy={!children}>
      <BrandMark />
      <h1 className="status-screen__title">{title}</h1>
      {detail && <p className="status-screen__detail">{detail}</p>}
      {children && <div className="status-screen__actions">{children}</div>}
    </main>
  );
}
