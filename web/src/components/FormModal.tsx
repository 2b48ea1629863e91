import { Modal, type ModalProps } from '@mantine/core';
import { Fragment, useEffect, useState, type ReactNode } from 'react';

/**
 * A modal for a form: each opening starts a fresh form (new key), and the content stays
 * rendered while the modal animates closed instead of collapsing to an empty box.
 */
export function FormModal({ opened, children, ...props }: Omit<ModalProps, 'children'> & { children: ReactNode }) {
  const [openings, setOpenings] = useState(0);
  useEffect(() => {
    if (opened) setOpenings((n) => n + 1);
  }, [opened]);
  return (
    <Modal opened={opened} centered {...props}>
      {openings > 0 && <Fragment key={openings}>{children}</Fragment>}
    </Modal>
  );
}
