import { useEffect } from 'react';
import './print.css';

/** While mounted, printing the page leaves out the app's navigation and buttons. */
export function usePrintable() {
  useEffect(() => {
    document.body.classList.add('sp-printable');
    return () => document.body.classList.remove('sp-printable');
  }, []);
}
