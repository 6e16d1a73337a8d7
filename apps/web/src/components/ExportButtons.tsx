import { Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useLang } from '../i18n';

/** Excel and CSV downloads of a listing the API exports (path without extension, e.g. /obligations). */
export function ExportButtons({ path, search = '' }: { path: string; search?: string }) {
  const { t } = useLang();
  return (
    <Space>
      <Button icon={<DownloadOutlined />} href={`${path}.xlsx${search}`} download>
        {t('导出Excel')}
      </Button>
      <Button icon={<DownloadOutlined />} href={`${path}.csv${search}`} download>
        {t('导出CSV')}
      </Button>
    </Space>
  );
}
