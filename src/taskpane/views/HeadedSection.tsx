import { Text } from '@fluentui/react-components';
import type { HTMLAttributes, ReactNode } from 'react';
import { useViewStyles } from './styles';

export interface HeadedSectionProps extends Omit<HTMLAttributes<HTMLElement>, 'id' | 'title' | 'className'> {
  /** The heading's id, which names the section for assistive technology (aria-labelledby): unique in the pane. */
  readonly id: string;
  readonly title: ReactNode;
  /** The heading's level: h2 in a view, h3 inside a form's part. */
  readonly level?: 'h2' | 'h3';
  readonly children?: ReactNode;
}

/** A view's part under its own heading, named by it (the section the views are built of). */
export function HeadedSection({ id, title, level = 'h2', children, ...section }: HeadedSectionProps) {
  const styles = useViewStyles();
  return (
    <section className={styles.section} aria-labelledby={id} {...section}>
      <Text as={level} id={id} weight="semibold">
        {title}
      </Text>
      {children}
    </section>
  );
}
